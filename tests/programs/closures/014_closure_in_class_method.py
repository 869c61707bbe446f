# Checks a method defined inside a function-local class closes over the function scope.
def make_class(greeting):
    class Greeter:
        def greet(self, name):
            return f"{greeting}, {name}!"
    return Greeter

G = make_class("Hola")
H = make_class("Hi")
print(G().greet("Ana"), H().greet("Bob"))
print(G.greet.__code__.co_freevars)
