# Checks a counter API built from several closures sharing state (increment, peek, reset).
def counter_api(start=0):
    value = start
    def increment(by=1):
        nonlocal value
        value += by
        return value
    def peek():
        return value
    def reset():
        nonlocal value
        old, value = value, start
        return old
    return increment, peek, reset

inc, peek, reset = counter_api(5)
inc(); inc(10)
print(peek())
print(reset(), peek())
inc(-3)
print(peek(), [c.cell_contents for c in peek.__closure__])
