# Parser error case: string prefix bad2
x = bf'a'
