# Checks AttributeError on a module with a suggestion.
import math
print(math.sqrt(4))
print(math.sqroot(4))
