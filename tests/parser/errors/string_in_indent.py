# Parser error case: string in indent
if x:
'doc'
