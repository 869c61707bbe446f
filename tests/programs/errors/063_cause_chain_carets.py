# "The above exception was the direct cause": raise ... from, with carets in both tracebacks.
class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text) + 0
    except ValueError as error:
        raise ConfigError("bad number: " + text) from error

print(parse("12"))
parse("twelve")
