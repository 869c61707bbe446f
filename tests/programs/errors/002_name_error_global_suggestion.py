# Checks NameError suggestion for a misspelled global name used inside a function.
counter_total = 10

def report():
    print("total so far:", counter_total)
    return counter_totl + 1

print("before")
report()
