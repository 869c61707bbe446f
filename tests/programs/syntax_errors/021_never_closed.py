# Checks "'(' was never closed".
numbers = [1, 2, 3]
total = sum(numbers)

print("start")
result = max(1, 2
print(result)
