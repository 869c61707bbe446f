# Checks double-underscore name mangling and its AttributeError.
class Secret:
    def __init__(self):
        self.__hidden = 42
        self._protected = 1
    def reveal(self):
        return self.__hidden

s = Secret()
print(s.reveal(), s._protected, s._Secret__hidden)
try:
    s.__hidden
except AttributeError as e:
    print("AttributeError:", e)
print(sorted(vars(s)))
