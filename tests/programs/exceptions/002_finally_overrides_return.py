# Checks a return in finally overrides the try's return and swallows exceptions.
def f():
    try:
        return "from try"
    finally:
        return "from finally"

def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(f(), g())
