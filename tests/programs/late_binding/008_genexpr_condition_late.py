# Checks a generator's condition uses the value of a variable at consumption time.
limit = 2
g = (x for x in range(6) if x < limit)
limit = 4
print(list(g))
limit = 100
print(list(g))
