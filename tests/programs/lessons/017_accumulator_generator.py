# Checks a running-average accumulator implemented three ways: closure, generator, class.
def closure_avg():
    total, count = 0, 0
    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total / count
    return add

def gen_avg():
    total, count, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count

class ClassAvg:
    def __init__(self):
        self.total = self.count = 0
    def add(self, x):
        self.total += x
        self.count += 1
        return self.total / self.count

c = closure_avg()
g = gen_avg(); next(g)
k = ClassAvg()
for x in [10, 20, 60]:
    print(c(x), g.send(x), k.add(x))
