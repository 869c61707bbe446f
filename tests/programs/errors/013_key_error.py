# Checks uncaught KeyError shows the repr of the missing key.
inventory = {"apples": 3, "pears": 0}

def stock(name):
    return inventory[name]

print(stock("apples"))
print(stock("bananas"))
