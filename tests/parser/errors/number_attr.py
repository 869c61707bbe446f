# Parser error case: number attr
x = 1.real.imag.
