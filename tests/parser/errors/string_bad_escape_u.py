# Parser error case: string bad escape u
x = '\u12'
