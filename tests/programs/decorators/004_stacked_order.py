# Checks stacked decorators apply bottom-up and run top-down.
def tag(name):
    def deco(func):
        print("decorating", func.__name__, "with", name)
        def wrapper():
            return "<" + name + ">" + func() + "</" + name + ">"
        wrapper.__name__ = name + "_" + func.__name__
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "hi"

print(text())
print(text.__name__)
