# Parser error case: ternary chain missing
x = a if b else
