# Parser error case: assign to set
{a} = 1
