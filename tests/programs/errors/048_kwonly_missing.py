# Checks TypeError for a missing keyword-only argument on a lambda.
f = lambda a, *, key: (a, key)
print(f(1, key=2))
calls = [lambda: f(2, key=3), lambda: f(1)]
for c in calls:
    print(c())
