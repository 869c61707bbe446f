# Checks writes through globals() are visible as module names.
def setg(name, value):
    globals()[name] = value

setg("alpha", 1)
setg("beta", [alpha, alpha + 1])
print(alpha, beta)
print(sorted(k for k in globals() if k in ("alpha", "beta", "setg")))
