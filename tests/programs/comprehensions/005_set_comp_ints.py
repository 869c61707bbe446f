# Checks set comprehensions over small ints print in a stable order.
s = {x % 7 for x in range(30)}
print(s)
t = {x * x % 10 for x in range(10)}
print(sorted(t), len(t))
print({len(w) for w in ["a", "bb", "cc", "ddd"]})
