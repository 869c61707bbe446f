# Checks several counters created by a nonlocal factory stay independent.
def make_counter(start=0, step=1):
    n = start
    def nxt():
        nonlocal n
        cur = n
        n += step
        return cur
    return nxt

evens = make_counter(0, 2)
down = make_counter(10, -3)
print([evens() for _ in range(5)])
print([down() for _ in range(5)])
print(evens(), down())
