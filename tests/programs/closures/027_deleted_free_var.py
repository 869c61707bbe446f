# Checks deleting an enclosing variable makes the closure raise NameError when called.
def outer():
    x = 5
    def get():
        return x
    print(get())
    del x
    try:
        get()
    except NameError as e:
        print(type(e).__name__, e)
    x = 6
    print(get())

outer()
