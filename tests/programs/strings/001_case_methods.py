# Checks str case methods on mixed and tricky input.
s = "hello WORLD, it's a 3rd-rate test"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ß".upper(), "ǅ".lower(), "İ".lower() == "i̇")
print(s.casefold() == s.lower(), "Straße".casefold())
