# Checks ValueError from int() on a non-numeric string.
for text in ["12", "7", "x"]:
    print(int(text) * 2)
