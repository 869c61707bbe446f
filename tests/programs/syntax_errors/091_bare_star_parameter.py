# Checks def f(a, *): named arguments must follow bare *.
def f(a, *):
    return a

print(f(1))
print("done")
