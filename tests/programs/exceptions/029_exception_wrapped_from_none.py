# Checks exception args can be inspected and a new exception built from an old one.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        msg = e.args[0]
        raise LookupError(f"wrapped: {msg}") from None

try:
    parse("nope")
except LookupError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
