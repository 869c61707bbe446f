# Checks collecting errors while processing a list and continuing.
data = ["10", "x", "3", "", "0", "-4"]
ok, errors = [], []
for item in data:
    try:
        n = int(item)
        ok.append(100 // n)
    except ValueError as e:
        errors.append(("value", str(e)))
    except ZeroDivisionError as e:
        errors.append(("zero", str(e)))
print(ok)
for err in errors:
    print(err)
