# Checks building strings: caesar cipher and run-length encoding.
def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)

def rle(s):
    if not s:
        return ""
    res, prev, n = [], s[0], 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            res.append(f"{n}{prev}")
            prev, n = ch, 1
    res.append(f"{n}{prev}")
    return "".join(res)

print(caesar("Hello, World!", 3), caesar(caesar("Zebra-xyz", 5), -5))
print(rle("aaabccddddde"), rle(""), rle("x"))
