# Parser error case: assert paren tuple ok then
assert(x, 'msg')
assert
