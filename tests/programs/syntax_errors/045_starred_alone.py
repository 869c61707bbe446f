# Checks "can't use starred expression here".
class Box:
    def __init__(self, v):
        self.v = v

a = [1, 2]
print(*a)
b = *a
