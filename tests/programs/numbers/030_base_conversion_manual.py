# Checks manual base conversion matches format().
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return sign + out

for n in [0, 7, 255, -255, 10 ** 12]:
    print(n, to_base(n, 2) == format(n, "b"), to_base(n, 16) == format(n, "x"), to_base(n, 36), int(to_base(n, 36), 36) == n)
