# Checks a class body inside a function can read the function's locals.
def factory(n):
    class K:
        size = n * 2
        label = "K" + str(n)
        def get(self):
            return n
    return K

K3 = factory(3)
print(K3.size, K3.label, K3().get())
print(factory(10).size)
