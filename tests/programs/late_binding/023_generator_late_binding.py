# Checks generators created in a loop also see the loop variable lazily.
gens = []
for n in range(3):
    gens.append(x * n for x in range(3))
print([list(g) for g in gens])
def mk(n):
    return (x * n for x in range(3))
print([list(mk(n)) for n in range(3)])
