# Parser error case: ann call
f(): int
