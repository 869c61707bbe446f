# Checks dict comprehensions including key collisions (last wins) and inversion.
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
by_letter = {w[0]: w for w in words}
print(by_letter)
lengths = {w: len(w) for w in words if len(w) > 5}
print(lengths)
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
