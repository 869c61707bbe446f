# Checks repr() vs str() for builtin values including nested containers.
vals = ["text", 1.0, [1, "a", None], {"k": "v"}, ("t",), None, True, 10 ** 20, -0.0, ""]
for v in vals:
    print(str(v), "|", repr(v))
nested = {"list": [1.5, "q"], "tuple": (None,), "str": "it's"}
print(str(nested))
print(repr(repr("x")), str(str("y")))
