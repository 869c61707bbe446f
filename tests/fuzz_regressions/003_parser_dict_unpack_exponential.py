# Broke: fuzz_parse timeout (66 s of CPU for a 4 KB input under ASan, 18 s in a release build) and three slow inputs
# (1.5-2.9 s). The parser checked for CPython's 'dict unpacking cannot be used in dict comprehension' by parsing
# the value after '{**' speculatively and then again for real, so every level of {**{**{**...}}} doubled the work
# (2^depth). Fixed in core/parser.cpp (parse_brace parses the value once, then looks for 'for'). The fuzzer's inputs
# mixed this with unary-minus chains and unclosed brackets; this is the minimized form, 40 levels deep (2^40 before).
x = {**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-{**a-1}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}}
