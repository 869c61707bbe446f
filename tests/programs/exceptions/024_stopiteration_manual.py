# Checks manual iteration with next() and catching StopIteration.
it = iter("ab")
while True:
    try:
        ch = next(it)
    except StopIteration:
        print("exhausted")
        break
    print("char", ch)
print(next(it, "sentinel"))
