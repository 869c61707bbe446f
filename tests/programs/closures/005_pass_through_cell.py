# Checks an intermediate function that does not use a variable still passes its cell through.
def outer():
    secret = "s3cret"
    def middle():
        def inner():
            return secret.upper()
        return inner
    return middle

print(outer()()())
m = outer()
print(m.__code__.co_freevars)
print(m().__code__.co_freevars)
