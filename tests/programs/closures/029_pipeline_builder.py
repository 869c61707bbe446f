# Checks building a processing pipeline as a chain of closures.
def pipeline(*steps):
    def run(value):
        for step in steps:
            value = step(value)
        return value
    return run

def add(n):
    return lambda v: v + n

def mul(n):
    return lambda v: v * n

p = pipeline(add(1), mul(3), add(-2), str, lambda s: s * 2)
print(p(4))
print(pipeline()(7))
print([pipeline(mul(k), add(k))(k) for k in range(5)])
