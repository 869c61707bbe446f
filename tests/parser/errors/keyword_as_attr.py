# Parser error case: keyword as attr
x = obj.class
