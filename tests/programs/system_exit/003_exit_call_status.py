# exit(N) at the top level ends the program with status N, after finally blocks ran.
try:
    print("before exit")
    exit(4)
finally:
    print("finally")
print("not reached")
