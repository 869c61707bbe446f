# Parser error case: walrus rebind iter
x = [j := 1 for j in range(3)]
