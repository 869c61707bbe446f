# Checks that a closure keeps only the variables it uses alive, not the whole frame.
def make_report():
    big_data = list(range(10000))
    summary = f"{len(big_data)} items, total {sum(big_data)}"
    unused = "not captured"
    def report():
        return summary
    return report

r = make_report()
print(r())
print(r.__code__.co_freevars)
print([type(c.cell_contents).__name__ for c in r.__closure__])
def make_holder():
    big_data = list(range(5))
    def holder():
        return len(big_data)
    return holder
h = make_holder()
print(h.__code__.co_freevars, h.__closure__[0].cell_contents)
