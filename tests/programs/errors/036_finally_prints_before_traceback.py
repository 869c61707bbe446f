# Checks finally output appears on stdout before the uncaught exception terminates the program.
def work():
    try:
        print("working")
        return 1 / 0
    finally:
        print("cleanup in finally")

work()
