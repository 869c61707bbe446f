# Checks class bodies inside functions can use nonlocal to write the function's variable.
def make():
    counter = 0
    class Tracker:
        nonlocal counter
        counter += 5
        snapshot = counter
        def bump(self):
            nonlocal counter
            counter += 1
            return counter
    t = Tracker()
    t.bump()
    return Tracker.snapshot, t.bump(), counter

print(make())
