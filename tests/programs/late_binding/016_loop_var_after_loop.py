# Checks the for-loop variable survives the loop and closures see its last value.
def f():
    getters = []
    for idx, ch in enumerate("hey"):
        getters.append(lambda: (idx, ch))
    return idx, ch, [g() for g in getters]

print(f())
