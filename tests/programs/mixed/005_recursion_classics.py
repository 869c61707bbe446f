# Checks recursive fib, hanoi and permutations.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def hanoi(n, src="A", dst="C", via="B", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(f"{src}->{dst}")
        hanoi(n - 1, via, dst, src, moves)
    return moves

def permutations(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in permutations(s[:i] + s[i + 1:])]

print([fib(i) for i in range(15)])
print(hanoi(3), len(hanoi(10)))
print(permutations("abc"), len(permutations("abcdef")))
