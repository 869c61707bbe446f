# Checks closures across three nesting levels capture from the right scope.
def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c
        return level3
    return level2

print(level1(1)(20)(300))
add_to_5 = level1(2)(3)
print(add_to_5(0), add_to_5(10))
print([level1(i)(i)(i) for i in range(4)])
