# Checks a tiny arithmetic tokenizer and recursive-descent evaluator.
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("NUM", float(text) if "." in text else int(text)))
            i = j
        elif ch in "+-*/()":
            tokens.append(("OP", ch))
            i += 1
        else:
            raise SyntaxError(f"bad char {ch!r} at {i}")
    return tokens

def evaluate(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else (None, None)
    def take():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def expr():
        v = term()
        while peek()[1] in ("+", "-"):
            op = take()[1]
            v = v + term() if op == "+" else v - term()
        return v
    def term():
        v = factor()
        while peek()[1] in ("*", "/"):
            op = take()[1]
            v = v * factor() if op == "*" else v / factor()
        return v
    def factor():
        kind, val = take()
        if val == "(":
            v = expr()
            take()
            return v
        if val == "-":
            return -factor()
        return val
    return expr()

for src in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4 - -2", "2 * (3 + 4) * 0.5"]:
    print(f"{src:<20} -> {tokenize(src)[:3]}... = {evaluate(tokenize(src))}")
try:
    tokenize("2 $ 3")
except SyntaxError as e:
    print("SyntaxError:", e)
