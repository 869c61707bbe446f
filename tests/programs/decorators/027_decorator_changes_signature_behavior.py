# Checks a decorator that injects an extra argument into every call.
import functools

def with_context(**ctx):
    def deco(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(dict(ctx), *args, **kwargs)
        return wrapper
    return deco

@with_context(user="ann", role="admin")
def can(context, action):
    allowed = {"admin": {"read", "write", "delete"}, "guest": {"read"}}
    return f"{context['user']} may {action}: {action in allowed[context['role']]}"

print(can("delete"))
print(can(action="fly"))
print(can.__name__, can.__wrapped__.__code__.co_varnames[:2])
