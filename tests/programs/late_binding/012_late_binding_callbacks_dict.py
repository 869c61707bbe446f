# Checks callbacks registered in a loop via dict comprehension show late binding and the fix.
ops = {name: (lambda a, b: name) for name in ["add", "sub", "mul"]}
print([ops[k](1, 2) for k in ["add", "sub", "mul"]])
fixed = {name: (lambda a, b, name=name: name) for name in ["add", "sub", "mul"]}
print([fixed[k](1, 2) for k in ["add", "sub", "mul"]])
