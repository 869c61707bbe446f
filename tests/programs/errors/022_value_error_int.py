# Checks ValueError from int() on a non-numeric string.
def double(text):
    return int(text) * 2

for text in ["12", "7", "x"]:
    print(double(text))
