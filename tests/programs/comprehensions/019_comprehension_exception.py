# Checks an exception inside a comprehension propagates and the partial result is lost.
data = [1, 2, 0, 4]
result = "untouched"
try:
    result = [10 // d for d in data]
except ZeroDivisionError as e:
    print("error:", e)
print(result)
print([10 // d for d in data if d])
