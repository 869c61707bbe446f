# Checks list methods: append, extend, insert, remove, pop, index, count, reverse, copy, clear.
lst = [3, 1, 4]
lst.append(1); lst.extend([5, 9]); lst.insert(0, 2); lst.insert(100, 6); lst.insert(-1, 0)
print(lst)
lst.remove(1)
print(lst, lst.pop(), lst.pop(0), lst)
print(lst.index(4), lst.count(1), lst.count(42))
c = lst.copy()
lst.reverse()
print(lst, c)
c.clear()
print(c, lst * 2, [0] * 3, lst + [7])
try:
    lst.remove(42)
except ValueError as e:
    print("ValueError:", e)
