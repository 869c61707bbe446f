# A with statement on an object without __enter__: 3.11's context manager protocol message.
class Lock:
    def __exit__(self, *exc):
        return False

print("locking")
with Lock():
    print("inside")
