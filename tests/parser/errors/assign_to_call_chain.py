# Parser error case: assign to call chain
f() = g() = 1
