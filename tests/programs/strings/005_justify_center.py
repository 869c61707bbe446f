# Checks ljust/rjust/center/zfill including odd padding splits.
for w in ["a", "ab", "abc"]:
    print("[" + w.center(6, "*") + "]", "[" + w.ljust(5, ".") + "]", "[" + w.rjust(5) + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2))
print("[" + "ab".center(5) + "]", "[" + "abc".center(6) + "]")
