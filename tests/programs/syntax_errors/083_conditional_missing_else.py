# Checks a conditional expression without else.
n = 7
kind = "even" if n % 2 == 0
print(kind)
print("done")
