# Checks repr of self-referential containers uses [...] and {...}.
a = [1, 2]
a.append(a)
print(a)
d = {"k": 1}
d["self"] = d
print(d)
print(a[2][2][0], len(a))
