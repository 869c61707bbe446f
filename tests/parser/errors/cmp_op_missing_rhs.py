# Parser error case: cmp op missing rhs
x = a ==
