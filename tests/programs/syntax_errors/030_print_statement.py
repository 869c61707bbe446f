# Checks "Missing parentheses in call to 'print'. Did you mean print(...)?".
numbers = [1, 2, 3]
total = sum(numbers)

name = "py2"
print "hello", name
