# Checks reading input() until EOFError is raised at end of stdin.
lines = []
while True:
    try:
        line = input()
    except EOFError:
        break
    lines.append(line)
print(len(lines))
for i, line in enumerate(lines, 1):
    print(i, repr(line))
