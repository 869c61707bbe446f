# Parser error case: relative import plain
import .os
