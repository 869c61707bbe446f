# Checks a closure over an object sees attribute changes made after closure creation.
class Config:
    level = 1

cfg = Config()
get_level = lambda: cfg.level
cfg.level = 5
print(get_level())
cfg = Config()
print(get_level())
Config.level = 9
print(get_level())
