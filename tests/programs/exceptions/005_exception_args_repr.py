# Checks str() and repr() of exceptions with zero, one and many args.
for e in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("key"), KeyError(), Exception("x", None)]:
    print(repr(e), "|", str(e), "|", e.args)
err = ValueError("changed")
err.args = ("new", "args")
print(repr(err), str(err))
print(repr(ZeroDivisionError("x")), str(IndexError(3)))
