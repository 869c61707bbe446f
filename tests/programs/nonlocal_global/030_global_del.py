# Checks del on a global from inside a function with a global declaration.
temp = "temporary"
def cleanup():
    global temp
    del temp

print("temp" in globals())
cleanup()
print("temp" in globals())
try:
    print(temp)
except NameError as e:
    print("NameError:", e)
