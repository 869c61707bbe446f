# Checks default expressions run exactly once at function definition.
calls = []
def make_default():
    calls.append("made")
    return len(calls)

def f(x=make_default()):
    return x

print(f(), f(), f(5))
print(calls)
