# Checks augmented assignment operators on numbers.
x = 10
x += 5; print(x)
x -= 20; print(x)
x *= -3; print(x)
x //= 4; print(x)
x %= 5; print(x)
x **= 10; print(x)
x /= 4; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 0b0101; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 1; print(y)
