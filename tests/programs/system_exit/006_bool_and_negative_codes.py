# A caught SystemExit(True) and an uncaught SystemExit(-1): True means status 1, -1 means 255.
try:
    raise SystemExit(True)
except SystemExit as e:
    print("caught", e.code, e.code == 1)
print("exiting with", -1)
raise SystemExit(-1)
