# Checks TypeError for a missing keyword-only argument on a lambda.
f = lambda a, *, key: (a, key)
print(f(1, key=2))
f(1)
