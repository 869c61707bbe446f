# Odd layout: backslash continuations, semicolons, comments, blank lines, decorators with newlines.
x = 1 + \
    2
if x: y = 1; z = 2
def f(
    a,
    b,
): return (a +
           b)


class C: pass
class D(): x = 1
class E(object,): pass
@property
def g(): ...
lst = [1, 2, 3,]  # trailing comma
for x in 1, 2, 3: pass
for x, in [(1,)]: pass
for [a, b] in [[1, 2]]: pass
for (a, b) in [(1, 2)]: pass
result = [
    x  # comment inside brackets
    for x in range(3)
]
print(*[1, 2], sep="-", end="\n")
def h(*, a): pass
def k(a, *, b=1, c): pass
def m(a=1, /, b=2): pass
def n(a, /): pass
def o(**kw,): pass
def p(*a,): pass
lambda: (yield)
def q(): return 1, 2
def r(): return *a, *b
def s(): yield 1, 2
def t(): yield from g()
def u(): x = yield
def v(): return (yield)
if (n := 10) > 5: pass
while (line := f()) != "": pass
i = j = k = None
print(x if x else y)
