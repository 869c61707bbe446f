# Parser error case: import as dotted
import a.b as c.d
