# Checks functools.partialmethod and reduce over strings.
from functools import partialmethod, reduce

class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = state
        return self
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)

c = Cell()
print(c.set_alive().alive, c.set_dead().alive)
print(reduce(lambda a, b: b + a, "stressed"))
print(reduce(lambda acc, w: acc + [w.upper()] if len(w) > 2 else acc, "to be or not to be".split(), []))
