# Parser error case: string concat missing plus
x = 'a'
y = x 'b'
