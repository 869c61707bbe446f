# Checks closures capture function parameters including defaults and *args.
def multiplier(n, *extra, scale=1):
    def apply(x):
        return x * n * scale + sum(extra)
    return apply

print(multiplier(3)(4))
print(multiplier(3, 1, 2)(4))
print(multiplier(2, scale=10)(5))
print(multiplier(2, 100, scale=0)(7))
