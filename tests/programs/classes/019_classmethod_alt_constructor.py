# Checks classmethod alternative constructors return subclass instances.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split("-")))
    def __repr__(self):
        return f"{type(self).__name__}({self.y:04d}-{self.m:02d}-{self.d:02d})"

class Birthday(Date):
    pass

print(Date.parse("2024-3-7"), Birthday.parse("1999-12-31"))
