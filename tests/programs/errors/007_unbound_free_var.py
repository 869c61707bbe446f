# Checks NameError for a free variable read before the enclosing scope assigns it.
def outer():
    def inner():
        return value
    print(inner.__code__.co_freevars)
    inner()
    value = 1

outer()
