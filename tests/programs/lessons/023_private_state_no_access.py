# Checks closure state cannot be reached except through the closure (and introspection).
def make_secret(secret):
    attempts = 0
    def guess(g):
        nonlocal attempts
        attempts += 1
        return "correct" if g == secret else f"wrong ({attempts} tries)"
    return guess

guess = make_secret("swordfish")
print(guess("password"))
print(guess("letmein"))
print(guess("swordfish"))
print(hasattr(guess, "secret"), guess.__code__.co_freevars)
print([c.cell_contents for c in guess.__closure__])
