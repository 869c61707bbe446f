# Checks a global statement naming several variables, some not yet defined.
a = 1
def setup():
    global a, b, c
    a += 10
    b = a * 2
    c = [a, b]

setup()
print(a, b, c)
setup()
print(a, b, c)
