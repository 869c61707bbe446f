# Parser error case: global literal
global 1
