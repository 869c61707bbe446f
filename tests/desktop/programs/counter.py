def make_counter():
    count = 0

    def increment():
        nonlocal count
        count += 1
        return count

    def peek():
        return count

    return increment, peek


inc, peek = make_counter()
inc()
inc()
print(peek())
