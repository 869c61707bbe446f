# Checks a call-counter decorator that keeps the count in a closure and exposes it.
def count_calls(func):
    calls = 0
    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        print(f"call #{calls} of {func.__name__}")
        return func(*args, **kwargs)
    wrapper.get_calls = lambda: calls
    return wrapper

@count_calls
def say(msg):
    return msg.upper()

print(say("a"))
print(say("b"))
print("total calls:", say.get_calls())
