# Checks assert raises AssertionError with and without a message.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    assert x != 5
    return x

for v in (3, -1, 5):
    try:
        print(check(v))
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args)
