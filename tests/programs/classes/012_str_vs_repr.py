# Checks print uses __str__, containers use __repr__, and __str__ falls back to __repr__.
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

b = Both()
print(b, [b], (b,), {"k": b})
print(str(b), repr(b), f"{b}", f"{b!r}")
print(OnlyRepr(), str(OnlyRepr()))
