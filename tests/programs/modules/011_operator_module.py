# Checks operator functions, itemgetter, attrgetter and methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.neg(5), operator.mod(-7, 3), operator.truediv(1, 4), operator.not_(0))
rows = [("bob", 30), ("ann", 25), ("cy", 30)]
print(sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)(rows), itemgetter(-1, 0)("abc"))
class P:
    def __init__(self, n):
        self.name = n
print([attrgetter("name")(p) for p in [P("x"), P("y")]])
print(methodcaller("replace", "a", "o")("banana"), operator.contains([1, 2], 2), operator.getitem({"k": 9}, "k"))
