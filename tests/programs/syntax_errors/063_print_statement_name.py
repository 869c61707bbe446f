# Checks Python 2's print statement with a name.
name = "world"
greeting = "hello " + name
print greeting
print("unreachable")
