# SystemExit: e.code and e.args for each way of building it, assigning code, and subclasses.
for args in [(), (3,), ("msg",), (None,), (1, 2), (True,), (0,), (-1,), (256,), (2.5,), ([1],)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print(repr(e), e.args, repr(e.code), repr(str(e)), type(e.code).__name__)

e = SystemExit(4)
e.code = 7
print(e.code, e.args)
e.args = ("changed",)
print(e.code, e.args)
del e.code
print(e.code)

class MyExit(SystemExit):
    pass

try:
    raise MyExit("bye", 2)
except SystemExit as e:
    print(type(e).__name__, e.code, e.args, isinstance(e, BaseException), isinstance(e, Exception))

class Retry(SystemExit):
    def __init__(self, attempts):
        super().__init__(f"gave up after {attempts}")
        self.attempts = attempts

try:
    raise Retry(3)
except SystemExit as e:
    print(e.code, e.attempts, e.args)

try:
    try:
        raise SystemExit(9)
    except Exception:
        print("not reached: SystemExit is not an Exception")
except BaseException as e:
    print("BaseException caught", e.code)

def cleanup_runs():
    try:
        raise SystemExit(5)
    finally:
        print("finally runs on the way out")

try:
    cleanup_runs()
except SystemExit as e:
    print("code", e.code)

class Quiet(SystemExit):
    def __init__(self, reason):
        self.reason = reason  # SystemExit.__init__ never runs: code stays None

q = Quiet("done")
print(q.args, q.code, q.reason)
print(SystemExit.__new__(SystemExit, 8).code, SystemExit.__new__(SystemExit, 8).args)
