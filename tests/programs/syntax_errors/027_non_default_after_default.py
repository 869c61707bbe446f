# Checks "non-default argument follows default argument".
class Box:
    def __init__(self, v):
        self.v = v

def f(a=1, b):
    return a + b
