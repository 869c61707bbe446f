# Parser error case: assign in list
[a, 1] = x
