# Checks combining comprehension with sorted and key functions.
people = [("ann", 31), ("bob", 25), ("cy", 31), ("dee", 19)]
adults = sorted((n for n, a in people if a >= 21), key=lambda n: (-len(n), n))
print(adults)
by_age = {}
for n, a in people:
    by_age.setdefault(a, []).append(n)
print({a: sorted(ns) for a, ns in sorted(by_age.items())})
