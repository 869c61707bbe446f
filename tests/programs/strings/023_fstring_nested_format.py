# Checks f-strings with nested replacement fields inside format specs.
width = 12
prec = 3
val = 2 / 3
align = "^"
print(f"[{val:{width}.{prec}f}]")
print(f"[{val:{align}{width}.{prec - 1}%}]")
print(f"[{'x':{'*'}{'>'}{width // 2}}]")
rows = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
for name, price, qty in rows:
    print(f"{name:<12}{price:>6.2f}{qty:>4d}{price * qty:>8.2f}")
