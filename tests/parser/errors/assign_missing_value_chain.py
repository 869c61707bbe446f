# Parser error case: assign missing value chain
a = b =
