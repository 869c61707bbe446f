# Checks __doc__ on functions, classes and lambdas, including missing docstrings.
def documented():
    """First line.

    More detail here.
    """

def undocumented():
    x = "not a docstring"

class C:
    "Class docstring."
    def m(self):
        'method doc'

print(repr(documented.__doc__))
print(undocumented.__doc__, C.__doc__, C.m.__doc__, (lambda: 0).__doc__)
