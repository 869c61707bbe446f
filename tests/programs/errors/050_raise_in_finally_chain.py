# Checks the exception raised in finally is what's reported at top level.
try:
    print("trying")
    raise KeyError("first")
finally:
    raise ValueError("second from finally")
