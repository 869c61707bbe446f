# Parser error case: double semicolon
x = 1;; y = 2
