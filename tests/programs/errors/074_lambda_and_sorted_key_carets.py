# An error in a sort key lambda: the lambda's frame and the sorted() call underlined.
people = [("ann", 31), ("bob", None)]
print(sorted(people))
by_age = sorted(people, key=lambda person: person[1] + 0)
print(by_age)
