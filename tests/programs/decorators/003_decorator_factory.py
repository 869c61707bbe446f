# Checks a decorator factory taking arguments (three nested levels).
def repeat(times, sep=" "):
    def deco(func):
        def wrapper(*args):
            return sep.join(func(*args) for _ in range(times))
        return wrapper
    return deco

@repeat(3)
def word(w):
    return w

@repeat(2, sep="|")
def pair(a, b):
    return a + b

print(word("ha"))
print(pair("x", "y"))
