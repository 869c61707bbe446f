# Checks "closing parenthesis ']' does not match opening parenthesis '('".
class Box:
    def __init__(self, v):
        self.v = v

items = (1, 2, 3]
print(items)
