# Checks an uncaught exception raised from a deeply nested closure call chain.
def level1():
    def level2():
        def level3():
            return [][0]
        return level3()
    return level2()

print("calling")
level1()
