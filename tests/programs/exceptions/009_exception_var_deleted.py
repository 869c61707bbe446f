# Checks the 'as' target is deleted after the except block ends.
e = "before"
try:
    raise KeyError("x")
except KeyError as e:
    print("inside:", repr(e))
try:
    print(e)
except NameError as err:
    print("NameError:", err)
