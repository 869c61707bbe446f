# Lesson 3: a closure can keep state between calls. `nonlocal` lets it rebind the variable.
def make_counter(start=0):
    count = start
    def tick():
        nonlocal count          # assign to the enclosing count, not to a new local
        count += 1
        return count
    return tick

clicks = make_counter()
visits = make_counter(100)       # an independent counter with its own cell
print(clicks(), clicks(), clicks())
print(visits(), visits())
print(clicks())

def make_account_pair():
    balance = 0                  # one cell, shared by both closures below
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def peek():
        return balance
    return deposit, peek

deposit, peek = make_account_pair()
deposit(30)
deposit(12)
print(peek())
