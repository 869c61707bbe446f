# Checks functools.partial with positional and keyword binding, and its attributes.
from functools import partial

def greet(greeting, name, punct="!"):
    return f"{greeting}, {name}{punct}"

hello = partial(greet, "Hello")
ask = partial(greet, punct="?")
print(hello("Ann"), ask("Hi", "Bob"), hello("Cy", punct="."))
print(hello.func is greet, hello.args, ask.keywords)
base2 = partial(int, base=2)
print(base2("1011"), base2("0"), base2("-0b11"))
nested = partial(partial(greet, "Yo"), punct="...")
print(nested("Dee"), nested.args, nested.keywords)
