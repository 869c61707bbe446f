# Checks "'continue' not properly in loop".
numbers = [1, 2, 3]
total = sum(numbers)

def f():
    continue
print("never")
