# Checks def f(*args=()): var-positional argument cannot have default value.
def total(*numbers=()):
    return sum(numbers)

print(total(1, 2))
print("done")
