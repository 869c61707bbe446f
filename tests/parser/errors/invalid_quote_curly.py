# Parser error case: invalid quote curly
print(“hello”)
