# Checks a class hierarchy with super() chains, C3 MRO and mixins.
class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
    def describe(self):
        return "base"

class JsonMixin:
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("JsonMixin")
    def to_json(self):
        items = ", ".join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items()) if k != "log")
        return "{" + items + "}"

class Named(Base):
    def __init__(self, name="?", **kw):
        super().__init__(**kw)
        self.name = name
        self.log.append("Named")
    def describe(self):
        return f"named {self.name} < " + super().describe()

class User(JsonMixin, Named):
    def __init__(self, name, age):
        super().__init__(name=name)
        self.age = age
        self.log.append("User")
    def describe(self):
        return "user < " + super().describe()

u = User("ann", 30)
print([c.__name__ for c in User.__mro__])
print(u.log)
print(u.describe())
print(u.to_json())
