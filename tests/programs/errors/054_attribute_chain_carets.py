# Carets under the failing attribute of a chain, through a method frame.
class Node:
    def __init__(self, parent):
        self.parent = parent

    def grandparent_name(self):
        return self.parent.parent.name

leaf = Node(Node(None))
print("leaf made")
print(leaf.grandparent_name())
