# Parser error case: assert missing
assert
