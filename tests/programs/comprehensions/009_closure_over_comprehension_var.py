# Checks lambdas created in a comprehension capture the comprehension's cell.
adders = [lambda v: v + n for n in range(3)]
print([a(10) for a in adders])
adders2 = [(lambda n: lambda v: v + n)(n) for n in range(3)]
print([a(10) for a in adders2])
