# Checks "'yield' outside function".
class Box:
    def __init__(self, v):
        self.v = v

values = [1, 2]
yield values
