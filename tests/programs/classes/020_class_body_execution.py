# Checks class bodies execute top to bottom at definition time.
print("before class")
class C:
    print("in class body")
    x = 1
    y = x + 1
    def m(self):
        return self.y
    print("names so far:", sorted(n for n in locals() if not n.startswith("__")))
print("after class", C.y, C().m())
