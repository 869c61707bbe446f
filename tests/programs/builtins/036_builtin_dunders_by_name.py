# Checks the special methods of builtin types called by name: super().__eq__ in a list subclass, set.__or__, bool.__and__, float.__round__, range.__len__, None.__repr__, f.__call__, and their errors.
class L(list):
    def __eq__(self, other):
        print("L.__eq__")
        return super().__eq__(other)
    def __add__(self, other):
        return L(super().__add__(other))
print(L([1]) == [1], L([1]) + [2], type(L([1]) + [2]).__name__)
class F(float):
    pass
print(round(F(2.567), 2), round(F(2.5)), F(2.5).__round__())
class I(int):
    pass
print(round(I(7)), I(7).__round__(-1))
class S(set):
    def __or__(self, o):
        return S(super().__or__(o))
print(sorted(S({1}) | {2}), type(S({1}) | {2}).__name__)
print([1, 2] == [1, 2], [1] < [2], {1: 2} == {1: 2}, {1} <= {1, 2}, (1,) + (2,), [0] * 3, 3 * [0])
d = {1: 2}
d |= {3: 4}
print(d, {1}.__ior__ if False else 0)
s = {1}; s.__ior__({5}); print(s)
l = [1]; print(l.__imul__(3), l)
print(True & False, True | 1, True ^ True, (True).__xor__(1), list.__eq__([1], [1]), tuple.__lt__((1,), (2,)))
print(dict.__eq__({}, []), set.__eq__({1}, frozenset({1})), frozenset.__or__(frozenset(), {1}))
try:
    list.__add__([1], 5)
except TypeError as e:
    print(e)
try:
    list.__eq__((1,), [1])
except TypeError as e:
    print(e)
print(range(5).__len__(), range(5).__getitem__(-1), 3 in range(5), list(range(3).__iter__()))
print(float.__floor__(-2.5), float.__ceil__(-2.5), (7.5).__round__(), (8.5).__round__())
print(None.__repr__(), None.__bool__(), (lambda *a, **k: (a, k)).__call__(1, x=2), len.__call__([1, 2]))
