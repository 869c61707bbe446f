# Checks AttributeError on a module with a suggestion.
import math

def root(x):
    return math.sqroot(x)

print(math.sqrt(4))
print(root(4))
