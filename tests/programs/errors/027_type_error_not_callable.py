# Checks TypeError when calling a non-callable object (a name shadowed by a value).
def result():
    return 42

print(result())
result = result()
print(result)
result()
