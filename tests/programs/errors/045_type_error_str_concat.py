# Checks TypeError from concatenating str and int.
age = 30
print("age:", age)

def next_year_message(a):
    return "next year: " + a + 1

print(next_year_message(age))
