# Checks type conversion builtins with unusual inputs.
print(int("0"), int("-0"), int("+5"), int("00012"), float("-0"), float("inf"), float("-nan"))
print(bool("False"), bool([None]), bool(float("nan")), int(3.9999999999999999))
print(str(1.0), str(1.10), str(100.0 / 3.0), float("1e500"), float("-1e500"))
for text in ["12", "-7", "3.5", "1e2", "0x1A"]:
    try:
        print(text, int(text))
    except ValueError:
        print(text, "int failed, float gives", float.fromhex(text) if text.startswith("0x") else float(text))
