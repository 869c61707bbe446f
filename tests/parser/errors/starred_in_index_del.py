# Parser error case: starred in index del
del (*a,)
