# Parser error case: walrus attr
(a.b := 1)
