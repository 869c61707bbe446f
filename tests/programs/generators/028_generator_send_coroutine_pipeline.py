# Checks a push-based pipeline of coroutine-style generators using send().
def printer(prefix):
    while True:
        item = yield
        print(prefix, item)

def filt(pred, target):
    while True:
        item = yield
        if pred(item):
            target.send(item)

def mapper(fn, target):
    while True:
        item = yield
        target.send(fn(item))

sink = printer(">")
next(sink)
f = filt(lambda x: x % 2, sink)
next(f)
m = mapper(lambda x: x * x, f)
next(m)
for i in range(6):
    m.send(i)
