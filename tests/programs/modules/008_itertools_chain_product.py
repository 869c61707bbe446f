# Checks itertools.chain, chain.from_iterable and product with repeat.
from itertools import chain, product

print(list(chain([1, 2], "ab", (3,))))
print(list(chain.from_iterable([[1], [2, 3], []])))
print(list(product("ab", [0, 1])))
print(len(list(product(range(3), repeat=3))), list(product([1, 2], repeat=2)))
print(["".join(p) for p in product("xy", "12", "!")])
