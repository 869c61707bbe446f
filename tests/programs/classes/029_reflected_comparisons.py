# Checks reflected comparison fallbacks between different classes.
class A:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("A.__lt__ called")
        return NotImplemented
class B:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        print("B.__gt__ called")
        return self.v > other.v

print(A(1) < B(2))
try:
    A(1) > A(2)
except TypeError as e:
    print("TypeError:", e)
print(A(1) == A(1), B(1) != B(1))
