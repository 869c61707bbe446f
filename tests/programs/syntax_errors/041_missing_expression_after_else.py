# Checks "expected 'else' after 'if' expression".
x = 5
y = "big" if x > 3
print(y)
