# A recursive function failing at the bottom: repeated frames collapse, carets on each shown frame.
def countdown(n):
    if n == 0:
        return 1 // n
    return countdown(n - 1) * 2

print("counting down")
countdown(8)
