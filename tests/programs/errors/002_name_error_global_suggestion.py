# Checks NameError suggestion for a misspelled global name.
counter_total = 10
print("before")
print(counter_totl + 1)
