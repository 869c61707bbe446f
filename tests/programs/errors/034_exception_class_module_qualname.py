# Checks the last line for an exception class defined inside a function.
def make_error():
    class LocalError(Exception):
        pass
    return LocalError

E = make_error()
print(E.__qualname__)
raise E("local problem")
