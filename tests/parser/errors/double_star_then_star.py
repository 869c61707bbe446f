# Parser error case: double star then star
f(**a, *b)
