# Checks default expressions see the value at def time, the body sees call-time values.
counter = 0
def make():
    global counter
    counter += 1
    def f(snapshot=counter):
        return snapshot, counter
    return f

f1 = make()
f2 = make()
counter = 100
print(f1(), f2())
