# Parser error case: from missing import
from os
