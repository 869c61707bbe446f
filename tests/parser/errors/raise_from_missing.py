# Parser error case: raise from missing
raise A from
