# Checks raising a built-in exception class without arguments.
print("raising")
raise NotImplementedError
