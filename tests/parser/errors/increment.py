# Parser error case: increment
x++
