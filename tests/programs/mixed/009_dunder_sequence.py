# Checks a custom sequence class with many dunder methods.
class Poly:
    def __init__(self, *coeffs):
        self.c = list(coeffs)
    def __repr__(self):
        return f"Poly{tuple(self.c)}"
    def __str__(self):
        terms = []
        for p, k in reversed(list(enumerate(self.c))):
            if k:
                terms.append(f"{k}x^{p}" if p > 1 else f"{k}x" if p == 1 else f"{k}")
        return " + ".join(terms) or "0"
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __setitem__(self, i, v):
        self.c[i] = v
    def __iter__(self):
        return iter(self.c)
    def __contains__(self, v):
        return v in self.c
    def __call__(self, x):
        return sum(k * x ** p for p, k in enumerate(self.c))
    def __add__(self, o):
        n = max(len(self), len(o))
        return Poly(*[(self.c[i] if i < len(self) else 0) + (o.c[i] if i < len(o) else 0) for i in range(n)])
    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c
    def __hash__(self):
        return hash(tuple(self.c))

p = Poly(1, 0, 3)
q = Poly(0, 2)
print(p, "|", q, "|", p + q, "|", repr(p + q))
print(len(p), p[2], 3 in p, 7 in p, list(p), p(2), (p + q)(1))
p[1] = 5
print(p, p == Poly(1, 5, 3), p != q, len({Poly(1), Poly(1)}))
