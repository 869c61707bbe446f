# Parser error case: augassign call
f() += 1
