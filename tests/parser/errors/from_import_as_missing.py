# Parser error case: from import as missing
from a import b as
