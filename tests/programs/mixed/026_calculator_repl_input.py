# Checks an RPN calculator reading expressions from stdin via input().
def rpn(expr):
    stack = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
           "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    for tok in expr.split():
        if tok in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(int(tok))
    if len(stack) != 1:
        raise ValueError(f"bad expression, stack={stack}")
    return stack[0]

n = int(input())
for _ in range(n):
    line = input()
    try:
        print(f"{line} => {rpn(line)}")
    except (ValueError, IndexError, ZeroDivisionError) as e:
        print(f"{line} => error: {type(e).__name__}: {e}")
