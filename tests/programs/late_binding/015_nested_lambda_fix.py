# Checks the immediately-invoked lambda fix for late binding.
fns = [(lambda k: (lambda: k * k))(k) for k in range(5)]
print([f() for f in fns])
trap = [lambda: k * k for k in range(5)]
print([f() for f in trap])
