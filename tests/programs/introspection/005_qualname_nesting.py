# Checks __name__ and __qualname__ for nested functions, methods and lambdas.
def outer():
    def inner():
        def innermost():
            pass
        return innermost
    return inner

class K:
    def method(self):
        def helper():
            pass
        return helper
    class Nested:
        def deep(self):
            pass

lam = lambda: None
print(outer.__qualname__, outer().__qualname__, outer()().__qualname__)
print(K.method.__qualname__, K().method().__qualname__, K.Nested.deep.__qualname__)
print(lam.__name__, lam.__qualname__, outer()().__name__)
