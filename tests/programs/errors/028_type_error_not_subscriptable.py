# Checks TypeError subscripting a function object.
def get():
    return [1, 2]

print(get()[0])
print(get[0])
