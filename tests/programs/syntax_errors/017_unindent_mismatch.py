# Checks IndentationError "unindent does not match any outer indentation level".
def f():
    if True:
        x = 1
      return x
print(f())
