# Parser error case: from import paren unclosed
from a import (b, c
