# Checks TypeError for a method call with too many arguments (self counted).
class Greeter:
    def greet(self, name):
        return "hi " + name

g = Greeter()
print(g.greet("a"))
g.greet("a", "b")
