# Checks f-strings with nested expressions, method calls and dict access.
name = "Ada"
scores = {"math": 97, "art": 88}
items = [1, 2, 3]
print(f"Hello, {name}! You have {len(items)} items totaling {sum(items)}.")
print(f"{name.upper()[::-1]} {scores['math'] - scores['art']} {items[-1] * 10}")
print(f"{'quoted'} {'yes' if items else 'no'} {[i * 2 for i in items if i != 2]}")
print(f"{{literal braces}} {{{name}}}")
print(f"{3 + 4 = }")
