# Parser error case: unclosed brace
d = {'a': 1,
     'b': 2
