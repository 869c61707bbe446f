# Checks Python 2's exec statement.
code = "x = 1"
namespace = {}
exec code in namespace
print(namespace)
