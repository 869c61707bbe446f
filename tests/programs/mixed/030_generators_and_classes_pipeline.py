# Checks a log-processing pipeline using generators, classes and Counter.
from collections import Counter

LOG = """2024-01-01 INFO start
2024-01-01 WARN disk 80%
2024-01-02 ERROR disk full
2024-01-02 INFO retry
2024-01-03 ERROR timeout
2024-01-03 INFO done"""

class Entry:
    __slots__ = ("date", "level", "msg")
    def __init__(self, line):
        self.date, self.level, self.msg = line.split(" ", 2)
    def __repr__(self):
        return f"<{self.level} {self.msg}>"

def entries(text):
    for line in text.splitlines():
        yield Entry(line)

def only(level, items):
    return (e for e in items if e.level == level)

print(list(only("ERROR", entries(LOG))))
print(Counter(e.level for e in entries(LOG)).most_common())
by_date = {}
for e in entries(LOG):
    by_date.setdefault(e.date, []).append(e.level)
print(by_date)
