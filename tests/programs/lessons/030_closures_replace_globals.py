# Checks refactoring a global-state counter into a closure, comparing both behaviors.
calls = 0
def global_counter():
    global calls
    calls += 1
    return calls

def make_counter():
    calls = 0
    def counter():
        nonlocal calls
        calls += 1
        return calls
    return counter

a = make_counter()
b = make_counter()
print([global_counter() for _ in range(3)], calls)
print([a() for _ in range(3)], b(), calls)
