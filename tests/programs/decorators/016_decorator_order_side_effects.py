# Checks decorator expressions are evaluated top-down before application bottom-up.
def make(name):
    print("evaluating", name)
    def deco(f):
        print("applying", name)
        return f
    return deco

@make("first")
@make("second")
@make("third")
def target():
    return "done"

print(target())
