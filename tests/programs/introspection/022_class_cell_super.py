# Checks methods using super() or __class__ get a __class__ free variable.
class Base:
    def hi(self):
        return "base"

class Child(Base):
    def hi(self):
        return "child+" + super().hi()
    def plain(self):
        return "plain"
    def who(self):
        return __class__.__name__

print(Child().hi(), Child().who())
print(Child.hi.__code__.co_freevars, Child.plain.__code__.co_freevars, Child.who.__code__.co_freevars)
print(Child.hi.__closure__[0].cell_contents is Child)
