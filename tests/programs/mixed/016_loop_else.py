# Checks for/else and while/else clauses with and without break.
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(f"{n} = {d} * {n // d}")
            break
    else:
        print(f"{n} is prime")

for n in (7, 15, 29, 49):
    find_prime_factor(n)

i = 0
while i < 3:
    i += 1
else:
    print("while finished normally at", i)
while True:
    break
else:
    print("never printed")
for _ in []:
    pass
else:
    print("else runs for empty loops")
