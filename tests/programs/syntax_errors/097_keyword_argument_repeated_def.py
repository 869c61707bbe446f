# Checks keyword argument repeated in a call to a user function.
def box(width=1, height=1):
    return width * height

print(box(width=2))
print(box(width=2, height=3, width=4))
