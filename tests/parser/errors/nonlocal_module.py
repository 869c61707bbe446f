# Parser error case: nonlocal module
nonlocal x
