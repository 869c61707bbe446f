# Checks that dir() lists what closures expose: a function's __closure__, __code__ and __defaults__, a cell's cell_contents, the code object's co_freevars, a generator's gi_frame, a bound method's __self__.
def make_counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

counter = make_counter(10)
for wanted in ("__closure__", "__code__", "__defaults__", "__name__", "__qualname__", "__globals__", "__dict__", "__call__"):
    print(wanted, wanted in dir(counter))
cell = counter.__closure__[0]
print([n for n in dir(cell) if not n.startswith("__")])
print(sorted(set(dir(counter.__code__)) & {"co_freevars", "co_cellvars", "co_varnames", "co_name", "co_argcount"}))
print(counter.__call__(5), counter.__closure__[0].cell_contents)
gen = (n * n for n in range(3))
print("gi_frame" in dir(gen), "gi_running" in dir(gen), "send" in dir(gen))

class Box:
    def get(self):
        return 1
method = Box().get
print("__self__" in dir(method), "__func__" in dir(method), method.__call__())
print("__self__" in dir(len), len.__call__([1, 2, 3]))
