# Checks repetition, membership and concatenation behaviors.
print("ab" * 3, "ab" * 0 == "", "-" * -2 == "")
print("ell" in "hello", "" in "abc", "x" not in "abc")
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
print(min("hello"), max("hello"), sorted("hello"))
