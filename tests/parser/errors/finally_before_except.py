# Parser error case: finally before except
try:
    pass
finally:
    pass
except:
    pass
