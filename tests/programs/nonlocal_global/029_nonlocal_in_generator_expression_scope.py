# Checks generator expressions read (but cannot rebind) enclosing variables; nonlocal in nested def works.
def outer():
    total = 0
    data = [1, 2, 3]
    def add_all():
        nonlocal total
        total += sum(x * factor for x in data)
    factor = 10
    add_all()
    factor = 1
    add_all()
    return total

print(outer())
