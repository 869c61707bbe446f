# Parser error case: old ne
x = 1 <> 2
