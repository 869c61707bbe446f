# Parser error case: ann list
[a]: int
