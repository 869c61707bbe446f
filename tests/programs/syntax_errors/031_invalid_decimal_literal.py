# Checks "invalid decimal literal".
class Box:
    def __init__(self, v):
        self.v = v

value = 1abc
print(value)
