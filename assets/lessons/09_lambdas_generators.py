# Lesson 9: lambdas are closures too, and so are generator functions: a generator's frame
# is suspended between values, and it can read the cells of the function that made it.
def multiplier(factor):
    return lambda x: x * factor

triple = multiplier(3)
print(list(map(triple, [1, 2, 3])))

def countdown_from(start):
    step = 2
    def countdown():
        n = start
        while n > 0:
            yield n
            n -= step               # step and start are free variables of the generator
    return countdown

gen = countdown_from(7)()
print(next(gen), next(gen))
print(list(gen))

threshold = 4
big = [x for x in [2, 9, 4, 7] if x > threshold]
print(sorted(big, key=lambda x: -x))
