# Checks the wrapper's closure contains the wrapped function.
def deco(func):
    def wrapper():
        return func()
    return wrapper

@deco
def hello():
    return "hi"

print(wrapper_name := hello.__name__)
print(hello.__code__.co_freevars)
print(hello.__closure__[0].cell_contents.__name__)
print(hello.__qualname__)
