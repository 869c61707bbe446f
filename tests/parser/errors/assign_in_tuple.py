# Parser error case: assign in tuple
a, f() = 1, 2
