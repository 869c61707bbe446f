# Parser error case: import star plus
from math import *, sqrt
