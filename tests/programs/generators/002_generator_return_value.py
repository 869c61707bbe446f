# Checks a generator's return value arrives in StopIteration.value.
def g():
    yield "a"
    return "result"

it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
print(list(g()))
