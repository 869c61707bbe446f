# Checks custom exception classes with extra attributes and str().
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available

try:
    raise InsufficientFunds(100, 30)
except InsufficientFunds as e:
    print(e)
    print(repr(e))
    print(e.args, e.needed - e.available)
