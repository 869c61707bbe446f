# Checks a formatted text report with column alignment and totals.
sales = [
    ("North", "widgets", 1200, 2.5),
    ("South", "gadgets", 300, 12.75),
    ("North", "gadgets", 150, 12.75),
    ("East", "widgets", 980, 2.5),
    ("South", "widgets", 45, 2.5),
]
header = f"{'Region':<8}{'Product':<10}{'Qty':>6}{'Price':>8}{'Total':>11}"
print(header)
print("-" * len(header))
grand = 0
by_region = {}
for region, product, qty, price in sales:
    total = qty * price
    grand += total
    by_region[region] = by_region.get(region, 0) + total
    print(f"{region:<8}{product:<10}{qty:>6,}{price:>8.2f}{total:>11,.2f}")
print("-" * len(header))
print(f"{'TOTAL':<24}{grand:>19,.2f}")
for region, total in sorted(by_region.items(), key=lambda kv: kv[1], reverse=True):
    share = total / grand
    print(f"{region:>6}: {share:6.1%} {'#' * round(share * 40)}")
