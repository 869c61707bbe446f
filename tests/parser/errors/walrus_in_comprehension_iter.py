# Parser error case: walrus in comprehension iter
x = [i for i in (j := range(3))]
