# Checks the traceback object __exit__ receives and exc.__traceback__ walking tb_next.
def fail(n):
    if n == 0:
        raise ValueError("bottom")
    fail(n - 1)

class Report:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if tb is None:
            print("clean exit")
            return False
        lines = []
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(exc_type.__name__, exc, "via lines", lines)
        return True

with Report():
    print("nothing raised")
with Report():
    fail(2)
try:
    fail(1)
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb is e.__traceback__, tb.tb_next.tb_lineno)
print(ValueError("unraised").__traceback__)
