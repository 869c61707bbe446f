# Carets for a binary operation whose left operand is parenthesized and the operator is two characters.
numerator = 7
denominator = 0
print("dividing", numerator)
result = (numerator) // denominator + 1
print(result)
