# Checks __eq__ and __hash__ interplay for set/dict membership.
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return f"Key({self.v})"

class NoHash:
    def __eq__(self, other):
        return True

s = {Key(1), Key(1), Key(2)}
print(len(s), Key(1) in s, Key(3) in s)
print({Key(5): "five"}[Key(5)])
print(NoHash.__hash__)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
