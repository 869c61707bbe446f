# Checks raise ... from shows the final exception on the last line.
class ConfigError(Exception):
    pass

def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise ConfigError("port missing from config") from e

print("loading")
load({})
