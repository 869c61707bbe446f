def total():
    data = [1, 2, 3]
    return sum(data)


n = total()
print(n)
