# Checks f(**a, *b): iterable unpacking after keyword unpacking.
def show(*args, **kwargs):
    print(args, kwargs)

opts = {"sep": "-"}
rest = [1, 2]
show(**opts, *rest)
