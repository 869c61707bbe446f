# Checks an inventory system combining dataclass-like classes, dicts and sorting.
class Item:
    def __init__(self, sku, name, qty, price):
        self.sku, self.name, self.qty, self.price = sku, name, qty, price
    @property
    def value(self):
        return self.qty * self.price
    def __repr__(self):
        return f"Item({self.sku!r}, {self.qty})"

class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
        return self
    def remove(self, sku, qty):
        item = self.items[sku]
        if qty > item.qty:
            raise ValueError(f"only {item.qty} of {sku}")
        item.qty -= qty
        if item.qty == 0:
            del self.items[sku]
    def low_stock(self, threshold):
        return sorted((i for i in self.items.values() if i.qty < threshold), key=lambda i: i.qty)
    def __len__(self):
        return len(self.items)
    def __contains__(self, sku):
        return sku in self.items

inv = Inventory()
inv.add(Item("A1", "bolt", 100, 0.1)).add(Item("B2", "nut", 5, 0.05)).add(Item("C3", "gear", 2, 7.5))
inv.add(Item("A1", "bolt", 20, 0.1))
inv.remove("C3", 2)
try:
    inv.remove("B2", 10)
except ValueError as e:
    print("ValueError:", e)
print(len(inv), "C3" in inv, inv.low_stock(10), round(sum(i.value for i in inv.items.values()), 2))
