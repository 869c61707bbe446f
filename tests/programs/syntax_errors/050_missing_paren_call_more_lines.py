# Checks an unclosed call followed by more code reports "'(' was never closed".
def area(w, h):
    return w * h

print(area(3, 4)
width = 5
height = 6
print(width * height)
