# Parser error case: assign to dict
{} = 1
