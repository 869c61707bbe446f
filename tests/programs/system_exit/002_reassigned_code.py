# An uncaught SystemExit whose code was reassigned: the status is the new code.
try:
    raise SystemExit(1)
except SystemExit as e:
    e.code = 3
    print("re-raising with code", e.code)
    raise
