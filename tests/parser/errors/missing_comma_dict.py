# Parser error case: missing comma dict
d = {'a': 1 'b': 2}
