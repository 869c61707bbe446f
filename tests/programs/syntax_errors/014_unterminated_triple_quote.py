# Checks "unterminated triple-quoted string literal (detected at line 7)" for a string running to EOF.
def describe(item):
    return "item: " + str(item)

print("before")
doc = """this string
never ends
