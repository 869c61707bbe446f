# Checks a dictionary key with ':' and no value.
config = {
    "debug": True,
    "level": ,
}
print(config)
