# SystemExit unwinds through finally blocks and with statements before the program ends with its code.
class Resource:
    def __enter__(self):
        print("open")
        return self
    def __exit__(self, *exc):
        print("close", exc[0].__name__)
        return False

def work():
    with Resource():
        try:
            exit(6)
        finally:
            print("finally")

work()
