# Checks a missing comma between dictionary entries.
ages = {
    "ann": 31,
    "bob": 25
    "cy": 40,
}
print(ages)
