# Checks __getattr__ is only called for missing attributes.
class Lazy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")

l = Lazy()
print(l.real, l.auto_hello)
print(getattr(l, "auto_x"), getattr(l, "nope", "default"))
try:
    l.nope
except AttributeError as e:
    print(e)
