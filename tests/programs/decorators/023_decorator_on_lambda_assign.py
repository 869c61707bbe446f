# Checks decorators can be applied manually to lambdas, showing the name "<lambda>".
def shout(f):
    def w(*a):
        return str(f(*a)).upper() + "!"
    w.__name__ = "shouted_" + f.__name__
    return w

greet = shout(lambda n: "hello " + n)
print(greet("ann"))
print(greet.__name__)
