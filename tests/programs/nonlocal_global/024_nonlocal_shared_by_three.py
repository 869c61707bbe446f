# Checks three closures sharing one nonlocal variable via different operations.
def make_stack():
    items = ()
    def push(x):
        nonlocal items
        items = items + (x,)
    def pop():
        nonlocal items
        *rest, top = items
        items = tuple(rest)
        return top
    def peek():
        return items[-1] if items else None
    return push, pop, peek

push, pop, peek = make_stack()
push(1); push(2); push(3)
print(peek(), pop(), pop(), peek())
push("x")
print(pop(), pop(), peek())
