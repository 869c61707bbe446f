# Checks "Missing parentheses in call to 'print'. Did you mean print(...)?".
name = "py2"
print "hello", name
