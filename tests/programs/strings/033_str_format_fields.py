# Checks str.format field names, conversions, nested specs and its error messages.
point = {"x": 3, "y": -4}
items = ["zero", "one", "two"]

class Box:
    width = 7

print("{0[x]},{0[y]} {1[2]} {2.width}".format(point, items, Box))
print("{name!r:>10}|{name!s:<8}|{0!a}".format("é", name="ana"))
print("{:>{width}.{prec}f}|{:^{}}".format(3.14159, "mid", 9, width=10, prec=3))
print("{{braces}} {} {}".format("auto", "numbered"))
print("{greeting}, {who}!".format_map({"greeting": "hi", "who": "there"}))

def attempt(fmt, *args, **kwargs):
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(fmt), "->", type(e).__name__ + ":", e)

attempt("{} {}", 1)
attempt("{0} {}", 1, 2)
attempt("{} {0}", 1, 2)
attempt("{missing}")
attempt("{0.nope}", 1)
attempt("{0!z}", 1)
attempt("{", 1)
attempt("}", 1)
attempt("{0[}", 1)
attempt("{:{:{}}}", 1, 2, 3)
