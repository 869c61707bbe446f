# Checks uncaught KeyError shows the repr of the missing key.
inventory = {"apples": 3, "pears": 0}
print(inventory["apples"])
print(inventory["bananas"])
