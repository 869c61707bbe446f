# Checks "'break' outside loop".
x = 5
if x > 3:
    break
print(x)
