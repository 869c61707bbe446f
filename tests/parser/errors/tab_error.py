# Parser error case: tab error
if True:
        x = 1
	y = 2
