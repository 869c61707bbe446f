# Parser error case: eof in multiline statement
x = (1,
     2,
