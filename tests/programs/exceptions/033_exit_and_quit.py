# exit() and quit() raise SystemExit(code); their repr is the prompt's hint.
print(repr(exit))
print(str(quit))
print(type(exit).__name__, callable(exit), exit is not quit)
for call in [lambda: exit(), lambda: exit(5), lambda: quit("bye"), lambda: exit(code=2), lambda: quit(None)]:
    try:
        call()
    except SystemExit as e:
        print("SystemExit", e.args, repr(e.code))
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    exit(what=1)
except TypeError as e:
    print("TypeError:", e)
try:
    exit(1, code=2)
except TypeError as e:
    print("TypeError:", e)
