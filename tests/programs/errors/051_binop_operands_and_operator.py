# Traceback carets under a binary operation: ~ under the operands, ^ under the operator.
def total(price, count):
    return price + count * 2

print(total(1, 2))
print(total(1, "x"))
