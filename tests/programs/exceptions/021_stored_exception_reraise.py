# Checks exception objects can be stored and raised later.
saved = None
try:
    {}["missing"]
except KeyError as e:
    saved = e

print("saved:", repr(saved))
try:
    raise saved
except KeyError as again:
    print(again is saved, again.args)
