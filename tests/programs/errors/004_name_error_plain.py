# Checks NameError without any close match.
print("about to fail")
print(completely_unknown_identifier_xyz)
