# Checks str predicate methods on assorted inputs.
samples = ["abc", "ABC", "Abc Def", "123", "12.3", "", " ", "a1", "²", "Ⅷ", "_id", "class"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(),
          s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier())
