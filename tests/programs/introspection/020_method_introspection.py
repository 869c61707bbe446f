# Checks bound method __self__/__func__ and __name__ from class and instance.
class A:
    def m(self):
        return "m"
    @classmethod
    def c(cls):
        return cls.__name__
    @staticmethod
    def s():
        return "s"

a = A()
print(a.m.__name__, a.m.__func__ is A.m, a.m.__self__ is a)
print(A.c.__self__ is A, A.c.__func__.__qualname__, A.s.__qualname__, type(A.__dict__["s"]).__name__)
print(type(A.__dict__["c"]).__name__, type(a.m).__name__, type(A.m).__name__)
