# A call spread over lines: carets to the end of its first line.
def area(width, height):
    return width * height.value

print(area(2, 3) if False else "start")
size = area(
    2,
    3,
)
