# Checks attribute lookup order instance -> class -> bases and overriding class attrs.
class Base:
    color = "red"
    size = 1
    def describe(self):
        return f"{self.color}/{self.size}"
class Derived(Base):
    color = "blue"

d = Derived()
print(d.describe())
d.size = 9
print(d.describe(), Base().describe())
del d.size
print(d.describe())
