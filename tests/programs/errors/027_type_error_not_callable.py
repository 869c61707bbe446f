# Checks TypeError when calling a non-callable object.
result = 42
print(result)
result()
