# Checks a generator function defined inside a closure captures outer state.
def countdown_factory(start):
    calls = 0
    def gen():
        nonlocal calls
        calls += 1
        n = start
        while n > 0:
            yield n
            n -= 1
    def num_calls():
        return calls
    return gen, num_calls

gen, nc = countdown_factory(4)
print(list(gen()))
print(list(gen()), nc())
print(sum(gen()), nc())
