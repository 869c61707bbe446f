# Checks int methods and properties.
print((255).bit_length(), (-1).bit_count(), (12).bit_count(), (10).real, (10).imag)
print(int.__name__, (7).__index__(), (3).__add__(4), (3).__radd__(4), (3).__sub__(1.5))
print((5).__truediv__(2), (5).__floordiv__(2), (-5).__mod__(3), (2).__pow__(10))
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100).bit_count(), (-255).__abs__())
print((6).as_integer_ratio(), (10).__bool__(), (0).__bool__(), (7).__neg__(), (-7).__invert__())
