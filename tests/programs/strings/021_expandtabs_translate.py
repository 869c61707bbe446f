# Checks expandtabs, maketrans/translate and encode-free transformations.
print("a\tbc\tdef\tg".expandtabs(4))
print("1\t22\t333".expandtabs())
table = str.maketrans("abc", "xyz", "!")
print("aabbcc!!".translate(table))
print("hello".translate({ord("l"): "L", ord("o"): None}))
