# Parser error case: except as attr
try:
    pass
except Exception as e.msg:
    pass
