# Checks a dedent to a column that matches no outer block.
def average(xs):
        total = sum(xs)
    return total / len(xs)

print(average([1, 2, 3]))
