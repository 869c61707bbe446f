# Checks nonlocal updates from a closure called inside a loop of the outer function.
def tally(words):
    total = 0
    longest = ""
    def visit(w):
        nonlocal total, longest
        total += len(w)
        if len(w) > len(longest):
            longest = w
    for w in words:
        visit(w)
    return total, longest

print(tally(["pear", "fig", "banana", "kiwi"]))
print(tally([]))
