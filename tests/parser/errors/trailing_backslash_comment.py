# Parser error case: trailing backslash comment
x = 1 \  # c
