# Checks exceptions with a custom __str__ and __repr__ used in messages.
class ParseError(ValueError):
    def __init__(self, line, col, msg):
        super().__init__(line, col, msg)
        self.line, self.col, self.msg = line, col, msg
    def __str__(self):
        return f"{self.line}:{self.col}: {self.msg}"

try:
    raise ParseError(3, 14, "unexpected token")
except ValueError as e:
    print(e)
    print(repr(e))
    print(f"error -> {e!s} / {e!r}")
