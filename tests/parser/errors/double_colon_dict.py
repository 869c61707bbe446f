# Parser error case: double colon dict
d = {a:: 1}
