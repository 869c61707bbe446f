# Checks float formatting precision vs repr and str.
vals = [0.1, 1/3, 2/3, 1e-10, 123456.789, 1e21, 1e22, 0.000123]
for v in vals:
    print(repr(v), str(v), f"{v:.3f}", f"{v:.3e}", f"{v:g}", "%.4g" % v)
print(round(0.1 + 0.2, 15), 0.1 + 0.2 == round(0.3, 15), f"{0.1 + 0.2:.17f}")
print(1e15 + 0.3, 1e16 + 1.0, 123e-20)
