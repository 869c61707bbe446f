# Checks when an abandoned generator is closed inside code that native code runs: a method called by ==, a generator list() drives, a lambda map() calls.
log = []

def numbers(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append("closed " + tag)

class Probe:
    def __eq__(self, other):
        found = any(x > 1 for x in numbers("eq"))
        log.append("any returned")
        return found

print(Probe() == Probe(), log)
log.clear()

def first_positive(tag):
    for x in numbers(tag):
        if x > 0:
            return          # the loop's iterator is dropped before the return
        yield x

print(list(first_positive("loop")), log)
log.clear()

def peek(tag):
    g = numbers(tag)
    next(g)
    g = None                # the last reference goes here
    log.append("after drop")
    return tag

print(list(map(lambda t: peek(t), ["a", "b"])), log)
log.clear()

def take(gen, n):
    out = []
    for x in gen:
        if len(out) == n:
            break           # break drops the iterator too
        out.append(x)
    log.append("after loop")
    return out

print(sorted([3, 1, 2], key=lambda k: len(take(numbers(str(k)), 1))), log)
