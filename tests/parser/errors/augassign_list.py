# Parser error case: augassign list
[a] += 1
