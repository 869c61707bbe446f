# Checks iterative and recursive binary search on a sorted list.
def bsearch(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def bsearch_rec(xs, target, lo=0, hi=None):
    hi = len(xs) - 1 if hi is None else hi
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if xs[mid] == target:
        return mid
    return bsearch_rec(xs, target, mid + 1, hi) if xs[mid] < target else bsearch_rec(xs, target, lo, mid - 1)

xs = list(range(0, 100, 3))
for t in (0, 42, 99, 50, -1):
    print(t, bsearch(xs, t), bsearch_rec(xs, t))
