# Checks TypeError for an unexpected keyword argument in a nested function.
def make():
    def helper(a, b=1):
        return a + b
    return helper

h = make()
print(h(1, b=2))
h(1, c=3)
