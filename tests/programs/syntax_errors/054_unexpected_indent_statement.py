# Checks an indented statement where none is expected (IndentationError).
count = 0
for i in range(3):
    count += i
print(count)
    print("again")
print("done")
