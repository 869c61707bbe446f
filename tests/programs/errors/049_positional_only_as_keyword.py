# Checks TypeError for passing a positional-only argument by keyword.
def power(base, exp, /):
    return base ** exp

print(power(2, 8))
power(base=2, exp=8)
