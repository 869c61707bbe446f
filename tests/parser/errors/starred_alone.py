# Parser error case: starred alone
*a
