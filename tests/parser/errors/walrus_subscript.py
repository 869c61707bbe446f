# Parser error case: walrus subscript
(a[0] := 1)
