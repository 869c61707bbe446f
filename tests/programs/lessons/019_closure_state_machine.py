# Checks a traffic-light state machine implemented with closures.
def traffic_light():
    states = ["green", "yellow", "red"]
    durations = {"green": 3, "yellow": 1, "red": 2}
    idx = 0
    remaining = durations[states[idx]]
    def tick():
        nonlocal idx, remaining
        remaining -= 1
        if remaining == 0:
            idx = (idx + 1) % len(states)
            remaining = durations[states[idx]]
        return states[idx]
    return tick

tick = traffic_light()
print(" ".join(tick() for _ in range(10)))
