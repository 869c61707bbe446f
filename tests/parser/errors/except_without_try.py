# Parser error case: except without try
except:
    pass
