# Checks f-string: single '}' is not allowed.
count = 3
print(f"{count} items")
print(f"count}")
print("done")
