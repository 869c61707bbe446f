# String building: f-strings, join, str methods and concatenation in a loop.
words = []
for i in range(200_000):
    words.append(f"item{i:06d}")
text = ",".join(words)
parts = text.split(",")
upper = [p.upper() for p in parts if p.endswith("7")]
report = ""
for p in upper[:2000]:
    report += p[-3:] + ";"
print(len(text), len(parts), len(upper), len(report), report[:40])
