# Checks a retry decorator that retries on a given exception a fixed number of times.
def retry(times, exc=ValueError):
    def deco(func):
        def wrapper(*a):
            for attempt in range(1, times + 1):
                try:
                    return func(*a)
                except exc as e:
                    print(f"attempt {attempt} failed: {e}")
            return "gave up"
        return wrapper
    return deco

state = {"n": 0}

@retry(4)
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError(f"not yet ({state['n']})")
    return "ok on try " + str(state["n"])

print(flaky())
@retry(2, exc=KeyError)
def never():
    raise KeyError("k")
print(never())
