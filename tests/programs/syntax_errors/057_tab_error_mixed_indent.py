# Checks TabError: a block indented with spaces, then a tab.
def double(x):
        y = x * 2
	return y

print(double(4))
