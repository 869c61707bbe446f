# An error while applying a decorator is reported at the decorator's line.
def register(function):
    print("registering", function.__name__)
    return function.registry_entry

@register
def handler():
    return 1
