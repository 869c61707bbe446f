# Parser error case: missing comma tuple
t = (1 2)
