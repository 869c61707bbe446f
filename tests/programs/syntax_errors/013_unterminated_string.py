# Checks "unterminated string literal (detected at line 6)".
def helper(x, y=2):
    return x * y

print("ok")
message = "hello world
print(message)
