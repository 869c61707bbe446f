# Checks "closing parenthesis ']' does not match opening parenthesis '('".
items = (1, 2, 3]
print(items)
