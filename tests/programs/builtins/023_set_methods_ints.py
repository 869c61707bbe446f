# Checks set operations on small ints (stable printing).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({9}), {1, 2} < a, a <= a)
a.add(10); a.discard(99); a.remove(1)
print(a, len(a), 10 in a)
print(sorted(a.union([20], (30,))), frozenset({1, 2}) == {1, 2})
try:
    a.remove(99)
except KeyError as e:
    print("KeyError:", e)
