# Checks the tutorial counter: a closure remembers its count between calls.
def make_counter():
    count = 0
    def counter():
        nonlocal count
        count += 1
        print(f"  counter called, count is now {count}")
        return count
    return counter

print("Creating counter_a")
counter_a = make_counter()
counter_a()
counter_a()
print("Creating counter_b")
counter_b = make_counter()
counter_b()
print("counter_a again:", counter_a())
print("cell of counter_a:", counter_a.__closure__[0].cell_contents)
