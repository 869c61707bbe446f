# Checks uncaught ZeroDivisionError for true division.
def share(total, people):
    return total / people

values = [4, 2, 0]
for v in values:
    print(share(100, v))
