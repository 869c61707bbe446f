# Checks finally blocks in generators run when the generator is exhausted.
def g():
    for i in range(2):
        try:
            yield i
        finally:
            print("finally", i)
    print("loop done")

for v in g():
    print("got", v)
