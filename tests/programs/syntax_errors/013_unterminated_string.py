# Checks "unterminated string literal (detected at line 3)".
print("ok")
message = "hello world
print(message)
