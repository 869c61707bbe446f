# Lesson 10: a closure keeps alive every cell it refers to, and so everything in those cells.
# A forgotten closure can keep a large object in memory long after it is needed.
def make_report(rows):
    table = list(rows)             # large: kept alive by the closure below
    def summary():
        return f"{len(table)} rows, first {table[0]}"
    return summary

report = make_report(range(1000))
print(report())
print(len(report.__closure__[0].cell_contents))   # the whole table is still there

# Fix 1: capture only what is needed.
def make_small_report(rows):
    table = list(rows)
    count, first = len(table), table[0]
    def summary():
        return f"{count} rows, first {first}"
    return summary

small = make_small_report(range(1000))
print(small(), [type(c.cell_contents).__name__ for c in small.__closure__])

# Fix 2: drop the closure when done; its cells go with it.
del report
print("report" in globals())
