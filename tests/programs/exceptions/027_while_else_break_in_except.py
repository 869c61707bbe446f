# Checks break inside except skips the loop's else clause.
def find(items, target):
    i = 0
    while i < len(items):
        try:
            if items[i] == target:
                raise LookupError(i)
        except LookupError as e:
            print("found at", e.args[0])
            break
        i += 1
    else:
        print("not found")

find([3, 1, 4], 4)
find([3, 1, 4], 9)
