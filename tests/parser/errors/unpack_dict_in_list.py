# Parser error case: unpack dict in list
x = [**a]
