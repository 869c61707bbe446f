# Checks dict comprehensions with conditional values and filtering on both key and value.
scores = {"ann": 82, "bob": 45, "cy": 67, "dee": 91, "eve": 58}
status = {name: ("pass" if s >= 60 else "fail") for name, s in scores.items()}
print(status)
top = {n: s for n, s in scores.items() if s > 60 and n[0] in "acd"}
print(top)
print({s // 10 * 10: n for n, s in sorted(scores.items())})
