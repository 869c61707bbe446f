# Parser error case: string prefix invalid call
x = rb'a' br'b' f'c' uf'd'
