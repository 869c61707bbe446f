# Checks a missing ':' after an if condition ("expected ':'").
def grade(score):
    return "pass" if score >= 50 else "fail"

score = 72
if score > 50
    print(grade(score))
