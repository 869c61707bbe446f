# Checks a closure created in a loop sees the loop variable's final value.
def build():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    i = 99
    return fns

print([f() for f in build()])
