# Parser error case: dict missing value
d = {'a': }
