# Checks a function can call another function defined after it (late global lookup).
def first():
    return "first calls " + second()

def second():
    return "second"

print(first())
def second():
    return "second v2"
print(first())
