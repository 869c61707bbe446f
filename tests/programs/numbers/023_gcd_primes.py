# Checks integer algorithms: Euclid gcd, sieve and prime factorization.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def factorize(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out

print(gcd(1071, 462), gcd(-12, 18), gcd(0, 5))
print(factorize(360), factorize(97), factorize(2 ** 10 * 3 ** 5), factorize(600851475143))
sieve = [True] * 50
sieve[0] = sieve[1] = False
for i in range(2, 8):
    if sieve[i]:
        sieve[i * i::i] = [False] * len(range(i * i, 50, i))
print([i for i, p in enumerate(sieve) if p])
