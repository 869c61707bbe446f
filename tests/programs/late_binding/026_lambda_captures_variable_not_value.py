# Checks a lambda captures the variable, so rebinding after creation changes the result.
def f():
    msg = "hello"
    shout = lambda: msg.upper()
    msg = "goodbye"
    return shout()

print(f())
x = [1, 2]
get_len = lambda: len(x)
x.append(3)
r1 = get_len()
x = []
print(r1, get_len())
