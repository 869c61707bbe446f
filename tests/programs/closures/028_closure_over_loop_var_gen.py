# Checks generator expressions capturing a loop variable from the enclosing function.
def gens():
    out = []
    for k in range(3):
        out.append(x * k for x in range(3))
    return out

print([list(g) for g in gens()])
