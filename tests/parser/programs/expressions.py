# Expressions: precedence, comparisons, lambdas, slices, starred, comprehensions, walrus.
a = 1 + 2 * 3 ** -4 ** 5 // 6 % 7 @ 8 - ~9
b = not a and b or c and not not d
c = a < b <= c == d != e > f >= g is h is not i in j not in k
d = a if b else c if d else e
e = lambda: 0
f = lambda x, y=1, *args, z, w=2, **kw: (x, y, args, z, w, kw)
g = lambda a, /, b, *, c: a
h = lambda *a, **k: 0
i = x[1:2], x[::], x[:], x[1:], x[:2], x[::3], x[1:2:3], x[a, b:c], x[:, 1], x[...]
j = x[1,], x[()], x[(1, 2)], x[*a], x[a:=1]
k = [*a, *b], {*a, *b}, {**a, 'k': 1, **b}, (*a, *b), *a, *b
l = [x for x in y if x if not x for z in x]
m = {k: v for k, v in d.items()}
n = {x for x in y}
o = (x for x in y)
p = [y := f(x), y ** 2, y ** 3]
q = [(x, y) for x in range(3) for y in range(x)]
r = f(a)(b)(c).d.e[f][g](*args, **kwargs)
s = f(a, *b, c, *d, e=1, **f, g=2)
t = f(x for x in y)
u = f((x for x in y), 1)
v = print(*[1], sep='')
w = ((((1))))
x = (1,), (), (1, 2,), [], [1,], {}, {1,}
y = -1, +1, ~1, - - 1, not 1
z = 1_000, 0x_ff, 0o17, 0b1010, 1e10, 1.5e-3, .5, 5., 1_0.0_1, 0, 00, 0.0
aa = 10 ** 40, 0xFFFFFFFFFFFFFFFFFFFFFFFF
bb = "a" "b" 'c' """d""" '''e'''
cc = 'it\'s', "say \"hi\"", '\\', r'\n', '\0\07\101', "\u00e9\U0001F600"
dd = ...
ee = None, True, False
ff = a.b.c.d
gg = (yield)
hh = x if (y := 1) else z
ii = [i for i in range(10) if (j := i) > 5]
jj = a[b][c](d)[e]
kk = a or b or c
ll = a and b and c
mm = (a or b) and c
nn = a < b < c
oo = -a ** b
pp = (-a) ** b
qq = a ** -b
rr = await_ = 1
ss = (a
      + b
      - c)
tt = [
    1,
    2,
]
uu = {
    'a': 1,
    'b': [x
          for x in y],
}
vv = a if b else (lambda: c)
ww = 1 if True else 2, 3
xx = not a == b
yy = a | b ^ c & d << e >> f
zz = (a, b) = c
