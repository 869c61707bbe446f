# Parser error case: yield from nothing
def f():
    x = yield from
