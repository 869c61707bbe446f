# Checks a missing ':' after else.
values = [3, 1, 2]
if values:
    print(max(values))
else
    print("empty")
