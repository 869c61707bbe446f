# Checks a closure reflects changes made by the enclosing function after creating it.
def outer():
    results = []
    n = 0
    def peek():
        return n
    for n in range(5):
        results.append(peek())
    return results, peek

res, p = outer()
print(res, p())
