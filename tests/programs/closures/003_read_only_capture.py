# Checks reading an enclosing variable needs no nonlocal, and sees later rebinding.
def outer():
    x = 1
    def show():
        return x * 100
    first = show()
    x = 2
    second = show()
    return first, second, show

f, s, show = outer()
print(f, s, show())
