# Parser error case: assign to string
'a' = 1
