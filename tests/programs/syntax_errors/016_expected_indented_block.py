# Checks IndentationError "expected an indented block after function definition on line 6".
class Box:
    def __init__(self, v):
        self.v = v

def broken():
return 1
print(broken())
