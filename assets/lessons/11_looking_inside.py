# Lesson 11: looking inside a closure. __code__.co_freevars names the captured variables,
# __closure__ holds one cell per name, and each cell's cell_contents is the current value.
def make_greeter(greeting, punctuation):
    count = 0
    def greet(name):
        nonlocal count
        count += 1
        return f"{greeting}, {name}{punctuation}"
    return greet

hello = make_greeter("Hello", "!")
hello("Ada")
print(hello.__code__.co_freevars)
for name, cell in zip(hello.__code__.co_freevars, hello.__closure__):
    print(name, "=", cell.cell_contents)
print(make_greeter.__code__.co_cellvars)

def plain(x):
    return x
print(plain.__closure__)           # no free variables: no closure
