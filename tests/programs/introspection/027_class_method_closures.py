# Checks freevars of methods that reference enclosing-function variables and __class__.
def build(prefix):
    class Thing:
        def label(self):
            return prefix + type(self).__name__
        def parent(self):
            return super().__repr__ is not None
    return Thing

T = build("my")
print(T().label(), T().parent())
print(T.label.__code__.co_freevars, T.parent.__code__.co_freevars)
print(build.__code__.co_cellvars)
