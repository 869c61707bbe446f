# Parser error case: tab space same line
if x:
	    y = 1
        z = 2
