# Checks a missing comma between list items.
colors = [
    "red",
    "green"
    "blue",
    "yellow" 42,
]
print(colors)
