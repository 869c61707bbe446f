# Parser error case: fstring unclosed brace call
x = 1
print(f"{x")
