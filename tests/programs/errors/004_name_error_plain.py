# Checks NameError without any close match.
def lookup():
    local_value = 1
    print("about to fail", local_value)
    return completely_unknown_identifier_xyz

lookup()
