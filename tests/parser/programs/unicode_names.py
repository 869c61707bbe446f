# Non-ASCII identifiers and strings: columns are code points for closureviz, bytes for CPython.
π = 3.14159
café = "crème brûlée"
résumé = {"naïve": café, "ü": π}
def größe(länge, breite=π):
    return länge * breite
print(größe(2), résumé["naïve"], f"{café!r} {π:.2f} ünïcödé {größe(1)}")
x = "日本語" + '中文'; y = π
ñ = [c for c in "ñandú" if c != "ñ"]
