# Checks a closure calling a captured helper that gets rebound later in the enclosing scope.
def outer():
    def helper():
        return "v1"
    def caller():
        return helper()
    r1 = caller()
    def helper():
        return "v2"
    return r1, caller()

print(outer())
