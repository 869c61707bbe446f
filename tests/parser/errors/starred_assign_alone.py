# Parser error case: starred assign alone
*a = 1
