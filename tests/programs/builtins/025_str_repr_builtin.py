# Checks repr() vs str() for builtin values including nested containers.
vals = ["text", 1.0, [1, "a", None], {"k": "v"}, ("t",), None, True, 10 ** 20, -0.0, ""]
for v in vals:
    print(str(v), "|", repr(v))
