# Checks __getitem__ receiving slice objects and negative indices.
class Word:
    def __init__(self, text):
        self.text = text
    def __getitem__(self, key):
        if isinstance(key, slice):
            return Word(self.text[key])
        return self.text[key].upper()
    def __len__(self):
        return len(self.text)
    def __repr__(self):
        return f"Word({self.text!r})"

w = Word("closure")
print(w[0], w[-1], w[1:4], w[::-1], w[::2], len(w[2:]))
print(list(w), "L" in w)
