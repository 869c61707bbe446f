# Checks str.format with positional, keyword, index and attribute fields.
class P:
    x = 3
    y = [7, 8]
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age:>4} years".format(name="Eve", age=30))
print("{0.x} {0.y[1]} {d[key]}".format(P, d={"key": "v"}))
print("{:>{width}.{prec}f}".format(3.14159, width=10, prec=3))
print("{!r:>8} {!s}".format("q", "plain"))
print("{{}} {}".format("x"))
