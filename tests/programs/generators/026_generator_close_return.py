# Checks close() on a generator that catches GeneratorExit and yields raises RuntimeError.
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "won't die"

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
