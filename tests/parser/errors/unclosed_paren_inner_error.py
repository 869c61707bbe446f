# Parser error case: unclosed paren inner error
x = (1 +

y = 2 +
