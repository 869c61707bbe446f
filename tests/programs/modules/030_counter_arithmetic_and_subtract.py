# Checks Counter.subtract allowing negatives, unary plus, and intersection/union.
from collections import Counter

a = Counter(x=3, y=1)
b = Counter(x=1, y=2, z=1)
print(a & b, a | b)
a.subtract(b)
print(a, +a, -a)
print(Counter("hello").most_common(), Counter() == Counter(q=0))
