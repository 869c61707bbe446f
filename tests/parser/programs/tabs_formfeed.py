# Tabs for indentation, form feeds, continuation lines.
if True:
	x = 1
	if x:
		y = 2

z = x + \
    y
w = (1 +
	2)
