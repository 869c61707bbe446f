# Checks that at module level an assigned name reports "assigned to before nonlocal declaration" first.
def helper(x, y=2):
    return x * y

print("never printed")
x = 1
nonlocal x
