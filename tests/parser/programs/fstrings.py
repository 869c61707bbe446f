# f-strings: nested quotes, =, conversions, nested specs, doubled braces, concatenation.
x, w, p, name = 3.14159, 10, 2, "abc"
a = f"{x}"
b = f'{x!r} {x!s} {x!a}'
c = f"{x:{w}.{p}f}"
d = f"{{literal}} {x} }}{{"
e = f"{name=}"
e2 = f"{ name = }"
e3 = f"{name=!s:>10}"
e4 = f"{x = :.2f}"
f = f"{'nested' + 'quotes'}" f'{"double" "inside"}'
g = f'{"a" if x else "b"}'
h = "plain " f"{x}" ' more ' F'{w:>{p}}' "end"
i = f"" ""
j = f"{x}" f"" "" f"{w}"
k = rf"\d{x}\n" fr'{w}\t' Rf"{p}"
l = f"""multi
line {x}
  and {
w} end"""
m = f'{x:}'
n = f"{x!r:^{w}}"
o = f"{[1, 2][0]} {({'k': 1})['k']} {(lambda: 1)()}"
q = f"{x if x > 1 else w}"
r = f"{x:{'>'}{w}}"
s = f"{x:%Y-%m-%d}"
t = f"tab\there {x} \N{GREEK SMALL LETTER ALPHA} \u00e9 \x41"
u = f"{x!r}" "{not a field}"
v = f"{x < w} {x <= w} {x != w} {x == w} {x >= w}"
z = f'{x}' 'a' u'b'
z2 = u'first' f'{x}'
z3 = f"{x:{w}}{p:{w}}"
z4 = f"{3.14:.{p}}"
z5 = f"{'{'}{'}'}"
z6 = f"é{x}ü{w:>{p}}ß"
z7 = f"{x,}" f"{x, w}"
z8 = f"{(yield_ := 5)}"
z9 = f"{  x  }"
