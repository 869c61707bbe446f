# Checks reversed on lists, strings, ranges and custom sequences.
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(1, 10, 3))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
print(list(reversed(Seq())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(list(reversed({"a": 1, "b": 2})))
