# Checks a grade book: averages, letter grades, ranking with ties.
students = {
    "ann": [92, 88, 95],
    "bob": [75, 80, 68],
    "cy": [88, 92, 95],
    "dee": [60, 55, 70],
    "eve": [100, 90, 85],
}
def letter(avg):
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if avg >= cutoff:
            return grade
    return "F"

averages = {name: sum(s) / len(s) for name, s in students.items()}
ranked = sorted(averages.items(), key=lambda kv: (-kv[1], kv[0]))
for rank, (name, avg) in enumerate(ranked, 1):
    print(f"{rank}. {name:<4} {avg:6.2f} {letter(avg)}")
dist = {}
for avg in averages.values():
    dist[letter(avg)] = dist.get(letter(avg), 0) + 1
print(dict(sorted(dist.items())))
print(max(students, key=lambda n: max(students[n])), min(averages, key=averages.get))
