# Parser error case: listcomp no iter
x = [x for x in]
