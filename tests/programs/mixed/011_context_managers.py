# Checks context managers: __enter__/__exit__ ordering and exception suppression.
class Tag:
    depth = 0
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self
    def __exit__(self, exc_type, exc, tb):
        Tag.depth -= 1
        status = f" (saw {exc_type.__name__}: {exc})" if exc_type else ""
        print("  " * Tag.depth + f"</{self.name}>{status}")
        return self.suppress

with Tag("html"):
    with Tag("body") as body, Tag("div"):
        print("    content in", body.name)
with Tag("outer", suppress=True):
    with Tag("inner"):
        raise KeyError("oops")
    print("not reached")
print("after suppressed error")
try:
    with Tag("fails"):
        1 / 0
except ZeroDivisionError:
    print("propagated")
