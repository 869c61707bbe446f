# 50 frames and about 250 objects at its deepest step (340): the program of the desktop app's --bench-frames
# benchmark (README "The desktop app"); bench/layout_recording_bench.cpp lays out the same program.
def level(depth, acc):
    items = [depth, str(depth)]
    info = {'depth': depth, 'items': items}
    def helper(x):
        return x + depth + len(acc)
    acc.append(helper)
    if depth < 49:
        return level(depth + 1, acc)
    return len(acc)
level(1, [])
