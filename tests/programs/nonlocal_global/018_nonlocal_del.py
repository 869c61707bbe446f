# Checks deleting a nonlocal variable makes it unbound for all sharers.
def outer():
    x = 1
    def killer():
        nonlocal x
        del x
    def reader():
        try:
            return x
        except NameError as e:
            return "error: " + str(e)
    print(reader())
    killer()
    print(reader())
    x = 3
    print(reader())

outer()
