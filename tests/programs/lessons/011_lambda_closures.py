# Checks lambdas used as tiny closures: multipliers, comparators and a dispatch table.
def make_multiplier(n):
    return lambda x: x * n

double, triple = make_multiplier(2), make_multiplier(3)
print(double(5), triple(5), double(triple(2)))
ops = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
}
for expr in ["3 + 4", "10 - 7", "6 * 7", "9 / 2"]:
    a, op, b = expr.split()
    print(expr, "=", ops[op](int(a), int(b)))
