# Lesson 7: the Strategy pattern without classes. Each strategy is a closure; the checkout
# only needs "something I can call with a price".
def percent_off(percent):
    def apply(price):
        return round(price * (100 - percent) / 100, 2)
    return apply

def amount_off(amount, minimum):
    def apply(price):
        return price - amount if price >= minimum else price
    return apply

def no_discount(price):
    return price

def checkout(prices, discount):
    return [discount(p) for p in prices]

basket = [40, 120, 15.5]
for name, strategy in [("none", no_discount),
                       ("10% off", percent_off(10)),
                       ("20 off over 50", amount_off(20, 50))]:
    print(name, checkout(basket, strategy))
