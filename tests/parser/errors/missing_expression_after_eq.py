# Parser error case: missing expression after eq
x =
