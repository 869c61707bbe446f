# Lesson 1: a closure is a function that remembers the variables of the function that made it.
def outer_function(x):
    def inner_function(y):
        return x + y
    return inner_function

add_5 = outer_function(5)   # outer_function has returned, but its x lives on in a cell
result = add_5(3)           # inner_function runs with x=5 (from the cell) and y=3
print(result)  # Output: 8

add_10 = outer_function(10)  # a second call makes a second, separate cell
print(add_10(3), add_5(3))
