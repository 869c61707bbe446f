# Benchmark program for closureviz-desktop --scrub: a stack 40 frames deep, each frame holding a
# closure, a cell and a small list, so the diagram has many frames, objects and arrows.
def descend(depth, acc):
    items = [depth, depth * 2, depth * 3]

    def seen():
        return depth + len(items)

    acc.append(seen)
    if depth == 0:
        return sum(f() for f in acc)
    return descend(depth - 1, acc)


print(descend(40, []))
