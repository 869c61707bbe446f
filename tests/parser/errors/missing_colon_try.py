# Parser error case: missing colon try
try
    pass
except:
    pass
