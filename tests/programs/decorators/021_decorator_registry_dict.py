# Checks a decorator factory registering handlers in a dict dispatcher.
handlers = {}

def on(event):
    def deco(func):
        handlers.setdefault(event, []).append(func)
        return func
    return deco

@on("start")
def log_start(x):
    return f"log start {x}"

@on("start")
def notify(x):
    return f"notify {x}"

@on("stop")
def log_stop(x):
    return f"log stop {x}"

def fire(event, arg):
    return [h(arg) for h in handlers.get(event, [])]

print(fire("start", 1))
print(fire("stop", 2))
print(fire("other", 3))
