# List and dict heavy work: building, sorting, grouping and counting.
data = [(i * 7919) % 10007 for i in range(300_000)]
data.sort()
groups = {}
for value in data:
    bucket = value % 97
    if bucket in groups:
        groups[bucket].append(value)
    else:
        groups[bucket] = [value]
sizes = sorted(((len(v), k) for k, v in groups.items()), reverse=True)
counts = {}
for value in data:
    counts[value] = counts.get(value, 0) + 1
print(len(groups), sizes[:3], len(counts), sum(data) % 1000003)
