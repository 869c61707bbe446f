# Parser error case: join unclosed eof
s = ','.join(
