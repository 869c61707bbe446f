# Checks nonlocal in a method only sees function scopes, not the class body.
class C:
    attr = 1
    def m(self):
        nonlocal attr
        attr = 2
