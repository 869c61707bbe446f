# Parser error case: exec stmt
exec "x = 1"
