# Checks %-format errors and edge cases.
for fmt, args in [("%d", ("x",)), ("%s %s", ("one",)), ("%s", (1, 2)), ("%z", (1,))]:
    try:
        print(fmt % args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print("%.3s|%5.1s|" % ("abcdef", "xyz"))
print("%d" % 3.99, "%i" % -2.5, "%s" % [1])
