# Checks an else with no if before it.
x = 5
print(x)
else:
    print("no")
