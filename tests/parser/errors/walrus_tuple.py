# Parser error case: walrus tuple
((a, b) := 1)
