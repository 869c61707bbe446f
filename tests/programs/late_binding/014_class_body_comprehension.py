# Checks a comprehension in a class body cannot see class variables except the first iterable.
class Config:
    names = ["x", "y"]
    prefix = "cfg_"
    upper = [n.upper() for n in names]
    try:
        full = [prefix + n for n in names]
    except NameError as e:
        full = str(e)

print(Config.upper)
print(Config.full)
