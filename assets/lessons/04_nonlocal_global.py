# Lesson 4: assigning to a name makes it local to the function, unless `nonlocal` or
# `global` says otherwise. Forgetting that gives UnboundLocalError.
total = 0

def add_to_total(n):
    global total                 # rebind the module-level name
    total += n

def make_tally():
    tally = 0
    def broken(n):
        tally += n               # assignment makes tally local here: read before set
        return tally
    def fixed(n):
        nonlocal tally
        tally += n
        return tally
    return broken, fixed

add_to_total(5)
add_to_total(7)
print("total:", total)

broken, fixed = make_tally()
try:
    broken(1)
except UnboundLocalError as error:
    print("broken:", error)
print("fixed:", fixed(1), fixed(2))
