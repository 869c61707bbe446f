# Checks an f-string expression with two names side by side.
first = "Ada"
last = "Lovelace"
print(f"{first} {last}")
print(f"{first last}")
