# Parser error case: missing colon lambda
f = lambda x x
