# Parser error case: missing paren before colon
x = 1
if (x > 1:
    pass
