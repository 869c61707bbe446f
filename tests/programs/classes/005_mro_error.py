# Checks an inconsistent MRO raises TypeError at class creation.
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
