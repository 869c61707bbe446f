# Checks the default-argument fix freezes the loop value at definition time.
fns = [lambda i=i: i * 10 for i in range(4)]
print([f() for f in fns])
print(fns[2](7))
print(fns[0].__defaults__, fns[3].__defaults__, fns[0].__closure__)
def fixed_in_function():
    return [lambda k=k: k for k in "xy"]
print([f() for f in fixed_in_function()])
