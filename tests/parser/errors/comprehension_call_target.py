# Parser error case: comprehension call target
x = [1 for f() in y]
