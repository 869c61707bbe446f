# Checks the strategy pattern using closures as interchangeable pricing rules.
def percent_off(pct):
    def rule(price):
        return round(price * (100 - pct) / 100, 2)
    rule.label = f"{pct}% off"
    return rule

def flat_off(amount):
    def rule(price):
        return max(0, price - amount)
    rule.label = f"${amount} off"
    return rule

def no_discount(price):
    return price
no_discount.label = "no discount"

def checkout(prices, strategy):
    return sum(strategy(p) for p in prices)

cart = [19.99, 5.00, 42.50]
for strategy in (no_discount, percent_off(10), percent_off(25), flat_off(5)):
    print(f"{strategy.label:>12}: {checkout(cart, strategy):.2f}")
best = min((no_discount, percent_off(10), flat_off(5)), key=lambda s: checkout(cart, s))
print("best:", best.label)
