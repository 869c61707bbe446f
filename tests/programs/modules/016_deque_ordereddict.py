# Checks collections.deque and OrderedDict basic operations.
from collections import deque, OrderedDict

dq = deque([1, 2, 3], maxlen=4)
dq.append(4); dq.append(5); dq.appendleft(0)
print(dq, dq.popleft(), dq.pop(), dq)
dq.rotate(1)
print(list(dq), len(dq), dq[0])
od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
od.move_to_end("b")
print(list(od), od.popitem(last=False), od)
