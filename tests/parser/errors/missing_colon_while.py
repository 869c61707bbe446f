# Parser error case: missing colon while
while True
    pass
