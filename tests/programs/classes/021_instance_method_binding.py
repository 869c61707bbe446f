# Checks bound vs unbound methods and calling via the class.
class K:
    def __init__(self, v):
        self.v = v
    def get(self, add=0):
        return self.v + add

k = K(5)
m = k.get
print(m(), m(1), K.get(k, 2))
print(m.__self__ is k, m.__func__ is K.get)
print(type(m).__name__, type(K.get).__name__)
