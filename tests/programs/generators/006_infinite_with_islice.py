# Checks an infinite generator consumed with itertools.islice and a manual break.
import itertools

def naturals(start=1):
    n = start
    while True:
        yield n
        n += 1

print(list(itertools.islice(naturals(), 5)))
for n in naturals(10):
    if n * n > 200:
        print("first square over 200:", n)
        break
