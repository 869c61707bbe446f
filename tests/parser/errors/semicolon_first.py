# Parser error case: semicolon first
; x = 1
