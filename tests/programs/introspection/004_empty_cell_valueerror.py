# Checks accessing cell_contents of an empty cell raises ValueError.
def outer():
    def inner():
        return late
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print("ValueError:", e)
    late = "now bound"
    print(cell.cell_contents)
    return inner

print(outer()())
