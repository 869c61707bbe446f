# Checks counting characters with a dict comprehension vs a manual loop.
text = "mississippi"
counts = {ch: text.count(ch) for ch in text}
print(counts)
manual = {}
for ch in text:
    manual[ch] = manual.get(ch, 0) + 1
print(manual == counts, list(manual))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
