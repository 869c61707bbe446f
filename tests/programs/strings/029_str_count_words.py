# Checks a word frequency report sorted by count then word.
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda p: (-p[1], p[0]))[:6]:
    print(f"{w:<8}{c:>3} {'#' * c}")
