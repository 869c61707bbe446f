# A missing method on a call's result: the carets cover the attribute, not the call.
words = "a b c".split()
print(words)
count = " ".join(words).upper().missing_method()
print(count)
