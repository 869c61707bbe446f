# Checks !r, !s and !a conversions in f-strings.
s = "café\n"
class W:
    def __repr__(self):
        return "W-repr"
    def __str__(self):
        return "W-str"
w = W()
print(f"{s!r} {s!a} {w} {w!r} {w!s}")
tab = "tab\there"
print(f"{'ü'!a} {tab!r} {tab!s}")
print(f"{42!r} {3.5!s} {None!a}")
print(f"{[s]!s}")
