# Checks an unterminated triple-quoted docstring.
def helper():
    """Returns one.

    The docstring never ends.
    return 1

print(helper())
