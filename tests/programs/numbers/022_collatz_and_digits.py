# Checks integer loops: Collatz sequence lengths and digit sums.
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print([collatz_len(n) for n in range(1, 16)])
best = max(range(1, 1000), key=collatz_len)
print(best, collatz_len(best))
def digit_sum(n):
    return n if n < 10 else digit_sum(sum(map(int, str(n))))
print([digit_sum(n) for n in (0, 9, 10, 99, 12345, 2 ** 64)])
