# An uncaught SystemExit with a str code prints it on stderr and exits with status 1.
def main():
    print("working")
    raise SystemExit("fatal: configuration missing")

main()
print("not reached")
