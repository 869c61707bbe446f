def logged(func):
    calls = []

    def wrapper(*args):
        calls.append(args)
        result = func(*args)
        print(func.__name__, args, "->", result)
        return result

    return wrapper


@logged
def square(n):
    return n * n


square(3)
square(4)
double = lambda x: x * 2
print(double(square(2)))
