# Checks late binding applies to def statements inside a function loop too.
def handlers():
    result = {}
    for name in ("open", "close", "save"):
        def handler():
            return "handling " + name
        result[name] = handler
    return result

h = handlers()
for k in ("open", "close", "save"):
    print(k, "->", h[k]())
