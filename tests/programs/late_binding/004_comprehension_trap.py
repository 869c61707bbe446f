# Checks lambdas from a list comprehension share the comprehension's single loop cell.
fns = [lambda: n for n in "abc"]
print([f() for f in fns])
print(fns[0].__closure__[0] is fns[2].__closure__[0])
print(fns[1].__code__.co_freevars, fns[1].__closure__[0].cell_contents)
gens = [(lambda: m) for m in range(3)]
print(sum(g() for g in gens))
