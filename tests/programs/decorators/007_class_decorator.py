# Checks a decorator applied to a class adding a method and registering it.
registry = []

def register(cls):
    registry.append(cls.__name__)
    cls.describe = lambda self: f"I am a {type(self).__name__}"
    return cls

@register
class Dog:
    pass

@register
class Cat:
    pass

print(registry)
print(Dog().describe(), Cat().describe())
