# Checks a loop retrying parse with else clause on success.
inputs = ["x", "4.5", "7"]
for attempt, text in enumerate(inputs, 1):
    try:
        value = int(text)
    except ValueError as e:
        print(f"attempt {attempt}: {e}")
    else:
        print(f"attempt {attempt}: parsed {value}")
        break
else:
    print("never parsed")
