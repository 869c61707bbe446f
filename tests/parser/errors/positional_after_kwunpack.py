# Parser error case: positional after kwunpack
f(**a, b)
