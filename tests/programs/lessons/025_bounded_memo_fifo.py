# Checks a memo decorator with a max size using a closure-held dict (FIFO eviction).
def bounded_memo(maxsize):
    def deco(func):
        cache = {}
        order = []
        def wrapper(x):
            if x in cache:
                return cache[x], "hit"
            if len(order) >= maxsize:
                oldest = order.pop(0)
                del cache[oldest]
            cache[x] = func(x)
            order.append(x)
            return cache[x], "miss"
        return wrapper
    return deco

@bounded_memo(2)
def sq(x):
    return x * x

for x in [2, 3, 2, 4, 3, 2]:
    print(x, sq(x))
