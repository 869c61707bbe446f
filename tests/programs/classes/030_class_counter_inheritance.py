# Checks class attributes accessed via cls in classmethods of subclasses get separate counters.
class Base:
    created = 0
    @classmethod
    def make(cls):
        cls.created += 1
        return cls()
class Left(Base):
    pass
class Right(Base):
    created = 100

for k in (Base, Left, Left, Right):
    k.make()
print(Base.created, Left.created, Right.created)
print("created" in Left.__dict__, "created" in vars(Right))
