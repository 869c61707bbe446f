# Parser error case: unclosed triple
x = """abc

def
