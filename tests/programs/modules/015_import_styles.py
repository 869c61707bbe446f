# Checks different import forms: import as, from import as, module attributes.
import math as m
from math import sqrt as root, pi
import itertools, functools
from collections import Counter as C

print(m.floor(2.5), root(49), round(pi, 2))
print(m.__name__, itertools.__name__, functools.__name__, C.__name__)
print(type(m).__name__)
