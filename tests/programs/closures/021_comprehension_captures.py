# Checks a list comprehension inside a function can read enclosing locals and closures.
def scale_all(values, factor):
    offset = 1
    return [v * factor + offset for v in values]

def nested():
    base = 10
    def inner(xs):
        return [x + base for x in xs if x % 2]
    return inner

print(scale_all([1, 2, 3], 5))
print(nested()(range(8)))
