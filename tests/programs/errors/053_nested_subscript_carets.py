# Carets under a failing subscript in a chain: ~ under the value, ^ under the index.
config = {"db": {"host": "localhost"}}
print(config["db"]["host"])

def port(settings):
    return settings["db"] ["port"]

print(port(config))
