# Checks True = ...: cannot assign to True.
flag = False
print(flag)
True = flag
print(True)
