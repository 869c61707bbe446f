# Parser error case: comprehension no in
x = [1 for a]
