# Checks a missing comma between call arguments.
def point(x, y):
    return (x, y)

origin = point(0, 0)
p = point(3 4)
print(origin, p)
