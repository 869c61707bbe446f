# Checks format() builtin and __format__ on a custom class.
print(format(3.14159, ".3"), format(42, "x"), format("s", ">3"), format(1234, ","))
print(repr(format(5, "")), format(True, "d"), format(True, ""), format(None, ""))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        amount = f"{self.cents / 100:.2f}"
        return f"${amount:{spec}}" if spec else f"${amount}"
print(format(Money(1234)), f"{Money(99):>8}", "{:<8}|".format(Money(5)))
