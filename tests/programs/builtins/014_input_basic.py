# Checks input() reading lines from stdin, with and without a prompt.
name = input("Name: ")
age = int(input())
print(f"Hello {name}, next year you'll be {age + 1}.")
nums = [int(x) for x in input("Numbers? ").split()]
print(sum(nums), max(nums))
