# Checks a run-once decorator that caches the first result.
def once(func):
    done = False
    result = None
    def wrapper(*args):
        nonlocal done, result
        if not done:
            result = func(*args)
            done = True
        return result
    return wrapper

@once
def init(config):
    print("initializing with", config)
    return {"ready": True, "config": config}

print(init("first"))
print(init("second"))
