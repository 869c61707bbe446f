# Checks a closure-based rate limiter driven by fake timestamps.
def rate_limiter(max_calls, window):
    calls = []
    def allow(now):
        while calls and calls[0] <= now - window:
            calls.pop(0)
        if len(calls) < max_calls:
            calls.append(now)
            return True
        return False
    return allow

allow = rate_limiter(3, 10)
for t in [0, 1, 2, 3, 9, 10, 11, 12, 25]:
    print(t, "allowed" if allow(t) else "blocked")
