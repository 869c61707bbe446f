# Checks UnboundLocalError from += on a global without a global declaration.
count = 0
def increment():
    count += 1
    return count

print("count starts at", count)
print(increment())
