# Checks chaining string methods to normalize user-ish input.
raw = ["  Alice SMITH ", "bob   jones", "  CHARLIE   brown  "]
clean = [" ".join(part.capitalize() for part in r.split()) for r in raw]
print(clean)
initials = ["".join(p[0] for p in c.split()) for c in clean]
print(initials)
print(max(clean, key=len), min(clean, key=lambda s: s[-1]))
