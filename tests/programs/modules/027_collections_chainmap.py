# Checks collections.ChainMap lookups, writes to the first map, and new_child scopes.
from collections import ChainMap

defaults = {"color": "red", "size": "M"}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], len(cm), sorted(cm))
cm["color"] = "blue"
print(user, defaults)
child = cm.new_child({"size": "XL"})
print(child["size"], child["color"], child.parents["size"])
