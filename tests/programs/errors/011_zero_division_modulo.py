# Checks uncaught ZeroDivisionError for integer modulo.
def check(a, b):
    return a % b

print(check(7, 3))
print(check(7, 0))
