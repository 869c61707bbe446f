# Checks formatting of special floats and big ints in f-strings.
inf = float("inf")
nan = float("nan")
print(f"{inf} {-inf} {nan} {inf:10.2f} {nan:+} {-0.0} {-0.0:+.1f}")
print(f"{10**30} {10**30:,} {2**64:_}")
print(f"{1/3:.20f} {1e300*1e10} {5e-324}")
