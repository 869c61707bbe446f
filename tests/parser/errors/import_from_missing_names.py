# Parser error case: import from missing names
from os import
