# Checks for x in 1, 2 = (generic invalid syntax at '=').
total = 0
for x in 1, 2 =
    total += x
print(total)
