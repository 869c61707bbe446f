# Checks the default-argument fix can be accidentally overridden by a caller.
callbacks = [lambda x, i=i: x + i for i in range(3)]
print([cb(100) for cb in callbacks])
print([cb(100, 0) for cb in callbacks])
print([cb(100, i=50) for cb in callbacks])
