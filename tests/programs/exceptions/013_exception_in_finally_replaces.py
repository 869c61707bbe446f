# Checks an exception raised in finally replaces the original one, keeping it as context.
try:
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__))
