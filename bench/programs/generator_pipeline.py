# A generator pipeline: numbers -> squares -> filter -> running total, all lazy.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1

def squares(source):
    for x in source:
        yield x * x

def only_even(source):
    for x in source:
        if x % 2 == 0:
            yield x

total = 0
for value in only_even(squares(numbers(500_000))):
    total += value
print(total, sum(x for x in range(300_000) if x % 3 == 0))
