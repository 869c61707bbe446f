# Checks numerically-equal keys collide in dicts (1, 1.0, True).
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
s = {0, 0.0, False, -0.0}
print(s, len(s))
print({1: "a", True: "b"}, {True: "b", 1: "a"})
