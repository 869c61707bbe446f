# Parser error case: star expr statement tuple ok
*a, = [1]
print(*)
