# Checks a global statement inside a class body writes the module name.
counter = 0
class C:
    global counter
    counter = 10
    attr = counter + 1

print(counter, C.attr, hasattr(C, "counter"))
