# Checks a hand-written partial() built from closures matches functools.partial.
import functools

def my_partial(func, *fixed, **fixed_kw):
    def applied(*args, **kw):
        return func(*fixed, *args, **{**fixed_kw, **kw})
    return applied

def volume(l, w, h, unit="cm"):
    return f"{l * w * h}{unit}^3"

mine = my_partial(volume, 2, unit="m")
theirs = functools.partial(volume, 2, unit="m")
print(mine(3, 4), theirs(3, 4))
print(mine(1, 1, unit="in"), theirs(1, 1, unit="in"))
