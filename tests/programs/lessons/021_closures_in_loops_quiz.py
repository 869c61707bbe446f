# Checks a quiz of closure outputs a learner should predict.
def q1():
    fs = [lambda: x for x in range(3)]
    return [f() for f in fs]

def q2():
    fs = [lambda x=x: x for x in range(3)]
    return [f() for f in fs]

def q3():
    x = 0
    def f():
        return x
    x = 10
    return f()

def q4():
    fs = []
    for x in range(3):
        def f(y=x * 10):
            return y + x
        fs.append(f)
    return [f() for f in fs]

for q in (q1, q2, q3, q4):
    print(q.__name__, q())
