# Checks an elif after a for loop.
for i in range(3):
    print(i)
elif i > 1:
    print("big")
