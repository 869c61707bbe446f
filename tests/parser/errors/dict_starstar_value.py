# Parser error case: dict starstar value
d = {'a': **b}
