# Checks "'yield' outside function".
values = [1, 2]
yield values
