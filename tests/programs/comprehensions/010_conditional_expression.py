# Checks conditional expressions and multiple ifs in a comprehension.
labels = ["fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else str(n) for n in range(1, 16)]
print(" ".join(labels))
print([n for n in range(50) if n % 2 if n % 3 if n % 5])
signs = ["neg" if x < 0 else "zero" if x == 0 else "pos" for x in (-2, 0, 3)]
print(signs)
print([x if x % 2 else -x for x in range(6) if x != 3])
