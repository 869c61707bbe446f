# Parser error case: assign to walrus
(a := 1) = 2
