# Checks raising an exception class instantiates it with no args.
class MyErr(Exception):
    pass

try:
    raise MyErr
except MyErr as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise MyErr("with", "args")
except Exception as e:
    print(repr(e), str(e))
