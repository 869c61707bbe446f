# Checks partial freezes argument objects while a lambda re-evaluates the expression.
from functools import partial

items = [1, 2]
with_partial = partial(len, items)
with_lambda = lambda: len(items)
items.append(3)
print(with_partial(), with_lambda())
items = [0]
print(with_partial(), with_lambda())
