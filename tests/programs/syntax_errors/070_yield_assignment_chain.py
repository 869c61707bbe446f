# Checks x = yield = 3: assignment to a yield expression.
def gen():
    x = yield = 3
    print(x)

print(list(gen()))
