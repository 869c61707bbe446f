# Checks strip variants, find/rfind/index, count and replace with count.
s = "xxhello worldxx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"))
print("  \t pad \n".strip() + "|")
print(s.find("o"), s.rfind("o"), s.find("zz"), s.find("o", 7))
print(s.count("x"), s.count(""), "aaaa".count("aa"))
print(s.replace("x", "-"), s.replace("x", "", 2))
print("abcabc".replace("", "."))
print("www.example.com".removeprefix("www.").removesuffix(".com"))
