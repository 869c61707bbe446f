# Checks an unterminated string inside a call.
def greet(name):
    return "hello " + name

message = greet("world)
print(message)
