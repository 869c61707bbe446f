# Checks f(None=1): cannot assign to None.
def show(**kwargs):
    print(kwargs)

show(a=1)
show(None=1)
