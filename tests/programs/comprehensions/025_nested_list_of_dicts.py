# Checks comprehensions over lists of dicts with nested access and aggregation.
orders = [
    {"id": 1, "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}]},
    {"id": 2, "items": []},
    {"id": 3, "items": [{"sku": "a", "qty": 5}]},
]
print([o["id"] for o in orders if o["items"]])
print([(o["id"], it["sku"]) for o in orders for it in o["items"]])
print({o["id"]: sum(it["qty"] for it in o["items"]) for o in orders})
totals = {}
for sku, qty in ((it["sku"], it["qty"]) for o in orders for it in o["items"]):
    totals[sku] = totals.get(sku, 0) + qty
print(totals)
