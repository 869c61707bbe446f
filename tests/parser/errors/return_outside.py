# Parser error case: return outside
return 1
