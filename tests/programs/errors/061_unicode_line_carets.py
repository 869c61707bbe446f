# Carets count characters, not bytes: a line with accented names and strings.
café = "crème"
print(café)
naïve = café + "brûlée" + 3
print(naïve)
