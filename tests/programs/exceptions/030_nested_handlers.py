# Checks nested try blocks where the inner handler does not match and the outer one does.
def risky(n):
    try:
        try:
            if n == 0:
                raise KeyError("k")
            if n == 1:
                raise IndexError("i")
            return "ok"
        except KeyError:
            return "inner handled KeyError"
        finally:
            print("inner finally", n)
    except LookupError as e:
        return f"outer handled {type(e).__name__}"

for n in range(3):
    print(risky(n))
