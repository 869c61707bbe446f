# Parser error case: genexp dangling for
f(a for a in b for)
