# Checks class bodies are not enclosing scopes for methods.
x = "global x"
class C:
    x = "class x"
    def method(self):
        return x
    y = x.upper()

print(C().method())
print(C.y)
print(C.x)
