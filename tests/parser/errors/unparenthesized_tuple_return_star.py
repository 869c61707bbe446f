# Parser error case: unparenthesized tuple return star
def f():
    return *a
