# Parser error case: walrus in def default ok then
def f(a=(b:=1)):
    pass
x := 2
