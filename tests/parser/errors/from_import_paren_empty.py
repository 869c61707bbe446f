# Parser error case: from import paren empty
from a import ()
