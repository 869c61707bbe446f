# Checks a small interactive calculator driven by input() lines.
def calc():
    results = []
    while True:
        line = input("> ")
        if line == "quit":
            break
        a, op, b = line.split()
        a, b = float(a), float(b)
        if op == "+":
            r = a + b
        elif op == "-":
            r = a - b
        elif op == "*":
            r = a * b
        elif op == "/":
            r = a / b if b else "undefined"
        else:
            r = "bad op"
        results.append(r)
        print(r)
    return results

print("results:", calc())
