# Checks "cannot use assignment expressions with subscript".
numbers = [1, 2, 3]
total = sum(numbers)

d = {}
if (d["k"] := 5):
    print(d)
