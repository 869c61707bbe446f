# Checks except A, B: (Python 2 syntax).
def parse(text):
    try:
        return int(text)
    except ValueError, TypeError:
        return None

print(parse("12"))
