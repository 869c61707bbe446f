# Checks (obj.attr := value): cannot use assignment expressions with attribute.
class Counter:
    value = 0

c = Counter()
if (c.value := 10) > 5:
    print(c.value)
