# Parser error case: dict missing colon
d = {'a' 1}
