# Checks floor division and modulo on huge integers with mixed signs.
a = 123456789012345678901234567890
b = 987654321
print(a // b, a % b, -a // b, -a % b, a // -b, a % -b)
q, r = divmod(a, b)
print(q * b + r == a)
print(2 ** 200 // 3 ** 50, 2 ** 200 % 3 ** 50)
