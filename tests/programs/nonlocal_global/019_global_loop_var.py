# Checks a for loop variable declared global is written to the module.
def loop():
    global i
    for i in range(3):
        pass

loop()
print(i)
