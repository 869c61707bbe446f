# Checks a parameter shadows a global of the same name and the global stays untouched.
rate = 0.5
def apply(amount, rate=0.1):
    return amount * rate

def apply_global(amount):
    return amount * rate

print(apply(100), apply_global(100))
rate = 2
print(apply(100), apply_global(100), apply(100, rate))
