# Parser error case: walrus toplevel
x := 1
