# Parser error case: eq in while
while x = 1:
    pass
