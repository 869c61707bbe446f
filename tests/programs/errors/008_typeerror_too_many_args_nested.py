# Checks TypeError naming a nested function by qualname when given too many args.
def outer_function():
    def inner_function(x):
        return x * 2
    print(inner_function(1))
    return inner_function(1, 2)

outer_function()
