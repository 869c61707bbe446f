# A closure counter called 1,000,000 times: one nonlocal cell read and written per call.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

counter = make_counter()
for _ in range(1_000_000):
    counter()
print(counter())
