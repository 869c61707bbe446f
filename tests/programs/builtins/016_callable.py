# Checks callable() on functions, classes, instances, and builtins.
class Plain: pass
class Callme:
    def __call__(self):
        return "called"
def f(): pass
for obj in [f, Plain, Plain(), Callme(), len, 3, "s", lambda: 0, print, Callme().__call__]:
    print(callable(obj))
