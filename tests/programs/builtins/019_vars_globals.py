# Checks vars() on instances/classes and globals() lookup by name.
class Config:
    debug = False
    def __init__(self):
        self.level = 3
        self.name = "cfg"
c = Config()
print(vars(c))
vars(c)["extra"] = True
print(c.extra, sorted(k for k in vars(Config) if not k.startswith("__")))
x_value = 10
print(globals()["x_value"], "Config" in globals(), globals()["__name__"])
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
