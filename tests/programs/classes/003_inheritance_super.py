# Checks single inheritance with super().__init__ and method overriding.
class Animal:
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
    def speak(self):
        return f"{self.name} says {self.sound}"

class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, "meow")
    def speak(self):
        return super().speak().upper()

print(Animal("generic").speak())
print(Cat("tom").speak())
print(isinstance(Cat("x"), Animal), issubclass(Cat, Animal), issubclass(Animal, Cat))
