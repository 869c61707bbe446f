# Checks __init_subclass__ runs for each subclass with keyword arguments.
class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[key or cls.__name__.lower()] = cls

class Alpha(Plugin, key="a"):
    pass
class Beta(Plugin):
    pass

print({k: v.__name__ for k, v in Plugin.registry.items()})
