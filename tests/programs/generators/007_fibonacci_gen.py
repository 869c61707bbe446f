# Checks a Fibonacci generator with a limit produces big integers.
def fib(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b

print(list(fib(100)))
print(sum(fib(10 ** 20)))
print(max(fib(10 ** 30)))
