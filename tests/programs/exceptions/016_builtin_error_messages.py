# Checks the message text of common built-in exceptions.
tests = [
    lambda: 1 / 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: divmod(1, 0),
    lambda: int("12a"),
    lambda: float("x1"),
    lambda: [1, 2][10],
    lambda: (1,)[-5],
    lambda: "abc"[3],
    lambda: {"a": 1}["b"],
    lambda: None.foo,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: len(5),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: [1].index(2),
    lambda: "abc".index("z"),
    lambda: int(None),
    lambda: next(iter([])),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
