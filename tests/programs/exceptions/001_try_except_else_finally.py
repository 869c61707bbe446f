# Checks the execution order of try/except/else/finally with and without errors.
def run(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "failed"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally")

print(run(2))
print(run(0))
