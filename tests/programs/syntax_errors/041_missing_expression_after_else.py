# Checks "expected 'else' after 'if' expression".
class Box:
    def __init__(self, v):
        self.v = v

x = 5
y = "big" if x > 3
print(y)
