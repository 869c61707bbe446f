# Parser error case: assign to none
None = 1
