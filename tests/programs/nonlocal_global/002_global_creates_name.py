# Checks a global declaration inside a function can create a brand-new module name.
def define():
    global created
    created = "made inside define()"

print("created" in globals())
define()
print(created)
print("created" in globals())
