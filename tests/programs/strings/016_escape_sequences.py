# Checks escape sequences and raw strings.
print("a\tb\\n\x41\101\u0042\N{GREEK SMALL LETTER ALPHA}")
print(r"raw \n stays \t")
print(len("\n"), len(r"\n"), len("\\"))
print("multi" "ple" ' adjacent')
print("""triple
  quoted "string" """)
