# Checks properties with validation plus staticmethod and classmethod usage.
class Temperature:
    scale_names = {"C": "Celsius", "F": "Fahrenheit"}
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._c = value
    @property
    def fahrenheit(self):
        return self.c_to_f(self._c)
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    def __repr__(self):
        return f"Temperature({self._c:.1f}C)"

t = Temperature(25)
print(t, t.fahrenheit, Temperature.c_to_f(100))
t2 = Temperature.from_fahrenheit(212)
print(t2, t2.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
print(t)
