# Parser error case: bare except not last
try:
    pass
except:
    pass
except ValueError:
    pass
