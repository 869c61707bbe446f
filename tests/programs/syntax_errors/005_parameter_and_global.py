# Checks "name 'value' is parameter and global".
def f(value):
    global value
    return value
print(f(1))
