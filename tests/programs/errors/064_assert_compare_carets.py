# A failing assert underlines its comparison; an assert on a plain name underlines nothing.
def mean(values):
    assert values, "no values"
    result = sum(values) / len(values)
    assert result >= 0 and result < 10, "out of range"
    return result

print(mean([1, 2, 3]))
print(mean([50, 70]))
