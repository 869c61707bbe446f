# Parser error case: from import trailing comma
from os import path,
