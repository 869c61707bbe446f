# An error inside a list comprehension: the comprehension frame and the carets of both frames.
values = [4, 2, 0, 1]
print("inverting", values)
inverted = [10 // v for v in values]
print(inverted)
