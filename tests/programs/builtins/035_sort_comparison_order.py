# Checks that sorting calls __lt__ in CPython's order and stays stable with keys and reverse.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __lt__(self, other):
        print(f"  {self.rank}{self.suit} < {other.rank}{other.suit}?")
        return self.rank < other.rank
    def __repr__(self):
        return f"{self.rank}{self.suit}"

hand = [Card(5, "h"), Card(2, "s"), Card(5, "d"), Card(9, "c"), Card(2, "h")]
print("sorted:")
print(sorted(hand))
print("min/max:")
print(min(hand), max(hand))
words = ["pear", "fig", "apple", "kiwi", "date", "plum"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
words.sort(key=lambda w: w[-1])
print(words)
try:
    sorted([3, "three", 1])
except TypeError as e:
    print("TypeError:", e)
