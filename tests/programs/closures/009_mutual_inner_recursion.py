# Checks mutually recursive inner functions reference each other via cells.
def parity(n):
    def is_even(k):
        return True if k == 0 else is_odd(k - 1)
    def is_odd(k):
        return False if k == 0 else is_even(k - 1)
    return is_even(n), is_odd(n)

for n in (0, 1, 7, 10):
    print(n, parity(n))
