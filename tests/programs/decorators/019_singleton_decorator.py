# Checks a class decorator implementing a singleton via closure.
def singleton(cls):
    instance = None
    def get(*args):
        nonlocal instance
        if instance is None:
            instance = cls(*args)
        return instance
    return get

@singleton
class Config:
    def __init__(self, name):
        self.name = name

a = Config("first")
b = Config("second")
print(a is b, a.name, b.name)
