# Checks generator function flags visible via the code and generator objects.
def gen(n):
    for i in range(n):
        yield i

g = gen(3)
print(gen.__name__, g.__name__, g.__qualname__, type(g).__name__)
print(gen.__code__.co_varnames, g.gi_code is gen.__code__)
print(g.gi_running, next(g), g.gi_frame is not None)
list(g)
print(g.gi_frame)
