# Checks def f: ("expected '('").
def helper:
    return 1

print(helper())
print("done")
