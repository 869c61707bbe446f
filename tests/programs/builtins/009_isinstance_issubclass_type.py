# Checks isinstance/issubclass with tuples and type() comparisons.
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (int, str)), isinstance(b, (int, A)), type(b) is A, type(b) is B)
print(issubclass(B, A), issubclass(B, (int, A)), issubclass(A, object), issubclass(bool, int))
print(type(3), type("s"), type(None), type([]), type(print), type(len).__name__)
print(type(b).__name__, type(B).__name__, isinstance(B, type), isinstance(3, object))
