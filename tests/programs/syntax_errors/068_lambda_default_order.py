# Checks a non-default lambda parameter after a default one.
square = lambda x: x * x
power = lambda base=2, exp: base ** exp
print(square(3), power(3, 2))
print("done")
