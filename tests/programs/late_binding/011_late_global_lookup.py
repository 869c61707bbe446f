# Checks a function body looks up globals at call time, not at definition.
def area(r):
    return PI * r * r

PI = 3
print(area(2))
PI = 3.14
print(area(2))
