# Checks catching multiple exception types with a tuple.
def risky(kind):
    if kind == 0:
        return int("zz")
    if kind == 1:
        return [1][5]
    if kind == 2:
        return {}["k"]
    return "fine"

for k in range(4):
    try:
        print(risky(k))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, "->", e)
    except KeyError as e:
        print("KeyError ->", e)
