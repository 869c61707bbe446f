# Checks parsing an INI-like config text into nested dicts with type conversion.
text = """
# comment
[server]
host = example.local
port = 8080
debug = true

[client]
retries = 3
timeout = 2.5
name = "quoted value"
"""
def convert(v):
    if v in ("true", "false"):
        return v == "true"
    for cast in (int, float):
        try:
            return cast(v)
        except ValueError:
            pass
    return v.strip('"')

config, section = {}, None
for lineno, raw in enumerate(text.splitlines(), 1):
    line = raw.strip()
    if not line or line.startswith("#"):
        continue
    if line.startswith("[") and line.endswith("]"):
        section = config.setdefault(line[1:-1], {})
        continue
    key, _, value = line.partition("=")
    section[key.strip()] = convert(value.strip())
for name, values in config.items():
    print(name, values)
print(type(config["server"]["port"]).__name__, type(config["client"]["timeout"]).__name__)
