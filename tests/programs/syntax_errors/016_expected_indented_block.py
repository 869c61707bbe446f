# Checks IndentationError "expected an indented block after function definition on line 2".
def broken():
return 1
print(broken())
