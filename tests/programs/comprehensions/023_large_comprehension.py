# Checks a comprehension over a large range with aggregation.
primes = [n for n in range(2, 200) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(len(primes), primes[:10], primes[-3:])
print(sum(x * x for x in range(1000)))
squares = {n: n * n for n in range(10000)}
print(len(squares), squares[9999], sum(squares.values()) % 1000003)
evens = [n for n in range(100000) if n % 7 == 0]
print(len(evens), evens[-1])
