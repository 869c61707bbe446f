# Parser error case: def missing body same line
def f(): 
