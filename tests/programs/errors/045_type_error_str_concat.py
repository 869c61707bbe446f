# Checks TypeError from concatenating str and int.
age = 30
print("age:", age)
print("next year: " + age + 1)
