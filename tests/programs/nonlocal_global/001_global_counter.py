# Checks the global statement lets a function rebind a module-level name.
count = 0
def bump():
    global count
    count += 1
    return count

bump(); bump()
print(count, bump())
