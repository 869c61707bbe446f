# Checks an exception raised while handling another (last line is the new one).
try:
    {}["a"]
except KeyError:
    print("handling")
    raise RuntimeError("handler failed")
