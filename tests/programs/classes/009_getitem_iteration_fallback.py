# Checks iteration falls back to __getitem__ with IndexError ending the loop.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i

print(list(Squares(5)))
print(9 in Squares(5), 10 in Squares(5))
a, b, c = Squares(3)
print(a, b, c)
