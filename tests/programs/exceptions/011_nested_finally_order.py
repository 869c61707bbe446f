# Checks nested try/finally unwind order when an exception propagates.
def f():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    finally:
        print("outer finally")

try:
    f()
except ValueError as e:
    print("caught", e)
