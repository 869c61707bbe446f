# Checks functions read globals without a declaration and see the latest value.
setting = "low"
def show():
    return "setting is " + setting

print(show())
setting = "high"
print(show())
