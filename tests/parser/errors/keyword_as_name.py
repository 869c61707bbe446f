# Parser error case: keyword as name
class = 1
