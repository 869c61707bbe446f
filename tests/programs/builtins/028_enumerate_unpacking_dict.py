# Checks iterating dict items with enumerate and unpacking.
prices = {"apple": 1.2, "kiwi": 0.5, "mango": 2.25}
for i, (fruit, price) in enumerate(prices.items(), 1):
    print(f"{i}. {fruit:<6} ${price:.2f}")
total = sum(prices.values())
print(f"total={total:.2f} cheapest={min(prices, key=prices.get)}")
