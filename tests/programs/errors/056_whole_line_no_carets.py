# No carets when they would underline the whole line: a bare name, a whole call, a raise.
def check(value):
    if value < 0:
        raise ValueError("negative")
    return value

print(check(3))
check(-1)
