# Checks namedtuple subclassing with methods and sorting.
from collections import namedtuple

class Card(namedtuple("Card", "rank suit")):
    __slots__ = ()
    def __str__(self):
        return f"{self.rank}{self.suit}"

hand = [Card(10, "h"), Card(2, "s"), Card(10, "c"), Card(7, "d")]
print(" ".join(str(c) for c in sorted(hand)))
print(max(hand), Card._fields, hand[0]._asdict())
