# Checks the format() builtin with assorted specs.
print(format(1234.5, ",.1f"), format(0.125, ".1%"), format(255, "#06x"), format("x", "^5"), format(7, "b"))
print(format(-3, "+"), format(3, " "), format(1e6, "g"), format(1e-6, ".2e"), format(97, "c"))
print(format(0, "#b"), format(-0.0, ".1f"), format(12345.678, "_.2f"), format("abc", "*<6"))
print(format(3.0, ".0%"), format(2 ** 40, ",d"), format(0.000015, ".3g"))
