# Checks closures created in a loop fail when the loop variable is deleted afterwards.
def build():
    fs = [lambda: 0]
    for k in range(2):
        fs.append(lambda: k)
    del k
    out = []
    for f in fs:
        try:
            out.append(f())
        except NameError as e:
            out.append(type(e).__name__)
    return out

print(build())
