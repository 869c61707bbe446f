# Checks "cannot delete function call".
numbers = [1, 2, 3]
total = sum(numbers)

def f():
    return [1]
del f()
