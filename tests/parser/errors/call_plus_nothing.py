# Parser error case: call plus nothing
print('a' + )
