# Checks '=' instead of '==' in an if condition.
answer = 42
guess = int("42")
if guess = answer:
    print("right")
