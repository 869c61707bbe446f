# Checks "keyword argument repeated: sep".
print("a", "b", sep="-", sep="+")
