# Parser error case: string bad escape x
x = '\x4'
