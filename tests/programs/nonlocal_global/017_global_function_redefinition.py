# Checks a function can rebind a global function name, changing later calls.
def greet():
    return "hello"

def upgrade():
    global greet
    old = greet
    def greet():
        return old().upper() + "!"

print(greet())
upgrade()
print(greet())
upgrade()
print(greet())
