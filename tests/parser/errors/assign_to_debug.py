# Parser error case: assign to debug
__debug__ = 1
