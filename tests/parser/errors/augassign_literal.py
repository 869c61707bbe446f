# Parser error case: augassign literal
1 += 1
