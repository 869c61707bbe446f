# Parser error case: invalid char backtick
x = `y`
