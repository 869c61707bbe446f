# Checks numeric format specs: width, precision, sign, grouping, alignment.
x = 1234.5678
n = 1234567
print(f"[{x:>12.2f}] [{x:<12.1f}] [{x:^12.3f}]")
print(f"[{n:,}] [{n:_}] [{x:,.2f}] [{-n:,}]")
print(f"[{n:+}] [{-n:+}] [{n: }] [{42:+08d}] [{-42:08d}]")
print(f"[{0.5:.0f}] [{1.5:.0f}] [{2.5:.0f}] [{2.675:.2f}]")
print(f"[{x:e}] [{x:.2E}] [{x:g}] [{1e-7:g}] [{123456789.0:g}]")
print(f"[{0.25:%}] [{0.256:.1%}] [{n:=+12,}]")
