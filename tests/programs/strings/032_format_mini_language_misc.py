# Checks less common format-spec options: =, grouping with b/x, and none type for floats.
print(f"[{-3.5:=10}] [{3:=+5}] [{1234567:_d}] [{0xFFFFFF:_x}] [{0b10101010:_b}]")
print(f"[{1.0}] [{1.0:}] [{1.0:.3}] [{100.0:.3}] [{1e22}] [{1e16:.0f}]")
print(f"[{12.0:g}] [{0.0001:g}] [{0.00001:g}] [{1e16:g}] [{123.456:.2g}]")
print(f"[{3:.2f}] [{7:e}] [{True:>5}] [{False!r:>6}]")
