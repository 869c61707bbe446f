# "During handling" chains print each traceback with its own carets.
def load(table, key):
    try:
        return table[key]
    except KeyError:
        return table["default"] + key

print("loading")
load({"a": 1}, "b")
