# Checks "keyword argument repeated: sep".
def helper(x, y=2):
    return x * y

print("a", "b", sep="-", sep="+")
