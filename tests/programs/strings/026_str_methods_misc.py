# Checks less common methods: title edge cases, splitlines separators, isprintable.
print("they're bill's friends".title())
print("hello_world-foo bar".title())
print("a\x0bb\x0cc\x1cd".splitlines())
print("abc".isprintable(), "a\nb".isprintable(), "".isprintable())
print("Hello".ljust(2), "x".center(4, "-"), "xy".center(5, "-"))
print(" ".join("a  b".split(" ")))
