# Parser error case: break outside
break
