# Parser error case: walrus comprehension target
x = [i := 0 for i in range(3)]
