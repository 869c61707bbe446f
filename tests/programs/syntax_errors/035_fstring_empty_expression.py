# Checks "f-string: empty expression not allowed".
class Box:
    def __init__(self, v):
        self.v = v

name = "x"
print(f"value: {}")
