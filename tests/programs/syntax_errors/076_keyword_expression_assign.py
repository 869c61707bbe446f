# Checks f(a.b=1): expression cannot contain assignment.
class Box:
    size = 1

print(Box.size)
print(Box.size=2)
