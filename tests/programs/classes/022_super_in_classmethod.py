# Checks super() works inside classmethods and with multiple levels.
class A:
    @classmethod
    def name(cls):
        return ["A:" + cls.__name__]
class B(A):
    @classmethod
    def name(cls):
        return ["B"] + super().name()
class C(B):
    @classmethod
    def name(cls):
        return ["C"] + super().name()

print(C.name(), B.name())
