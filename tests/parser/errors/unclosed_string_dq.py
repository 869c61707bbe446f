# Parser error case: unclosed string dq
print("hello)
