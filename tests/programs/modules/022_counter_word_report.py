# Checks a word frequency report using Counter.most_common with ties.
from collections import Counter

text = "the cat and the hat and the bat sat on the mat"
c = Counter(text.split())
for word, n in c.most_common(4):
    print(f"{word:>5}: {n}")
print(len(c), c.most_common()[-1])
