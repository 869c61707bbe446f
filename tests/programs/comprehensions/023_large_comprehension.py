# Checks a comprehension over a large range with aggregation.
primes = [n for n in range(2, 200) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(len(primes), primes[:10], primes[-3:])
print(sum(x * x for x in range(1000)))
