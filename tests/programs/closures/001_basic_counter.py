# Checks a basic closure counter keeps independent state per factory call.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

a = make_counter()
b = make_counter()
print(a(), a(), a())
print(b(), b())
print(a())
