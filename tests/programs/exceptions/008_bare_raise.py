# Checks a bare raise re-raises the active exception with the same object.
def handler():
    try:
        int("abc")
    except ValueError as e:
        print("logging:", e)
        raise

try:
    handler()
except ValueError as e2:
    print("outer caught:", e2)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
