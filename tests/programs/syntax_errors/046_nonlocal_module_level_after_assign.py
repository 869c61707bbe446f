# Checks that at module level an assigned name reports "assigned to before nonlocal declaration" first.
print("never printed")
x = 1
nonlocal x
