#!/usr/bin/env python3
"""Desktop keyboard test: drives closureviz-desktop under Xvfb with xdotool as a user (or a presentation
clicker) would, then reads the state the app dumps when Ctrl+Q ends the run.

  stepping  Right x3, End, Home, Right x2 (quick taps, faster than Mesa's software renderer draws
            frames) -> step 3; PageDown, PageDown, PageUp -> step 4; Ctrl+= -> text 1.1x
(Typing in the editor is tested by desktop_ui_test.py's `editor` case.)

    desktop_keys_test.py --exe closureviz-desktop --closureviz closureviz --xvfb-run xvfb-run \
        --xdotool xdotool --out-dir DIR
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

DRIVER = r'''
"$EXE" --frames 1000000 --size 1000x700 --dump-diagram "$DUMP" &
app=$!
wid=$(timeout 30 "$XDOTOOL" search --sync --name closureviz | head -1)
sleep 1
"$XDOTOOL" windowfocus --sync "$wid"
sleep 0.5
KEYS
sleep 1.5
"$XDOTOOL" key ctrl+q
( sleep 60; kill $app 2>/dev/null ) &
wait $app
'''


def run(a, name, keys):
    dump = os.path.join(a.out_dir, f"keys_{name}.json")
    if os.path.exists(dump):
        os.remove(dump)
    env = dict(os.environ, EXE=a.exe, DUMP=dump, XDOTOOL=a.xdotool,
               XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="cv-keys-"))
    p = subprocess.run([a.xvfb_run, "-a", "-s", "-screen 0 1000x700x24", "bash", "-c", DRIVER.replace("KEYS", keys)],
                       env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300)
    if p.returncode != 0 or not os.path.exists(dump):
        raise AssertionError(f"{name}: the app did not end with a dump (exit {p.returncode}): {p.stderr.strip()[-400:]}")
    with open(dump) as f:
        return json.load(f)


def stepping(a):
    keys = ('"$XDOTOOL" key --delay 30 Right Right Right End Home Right Right\n'
            'sleep 1\n"$XDOTOOL" key --delay 30 Next Next Prior\n'
            # Ctrl held like a person holds it: an instant chord can reach the app as a bare '='
            # when the machine is loaded.
            'sleep 1\n"$XDOTOOL" keydown ctrl\nsleep 0.3\n"$XDOTOOL" key equal\nsleep 0.3\n"$XDOTOOL" keyup ctrl\n')
    d = run(a, "stepping", keys)
    state = d["state"]
    if state["step"] != 4 or state["step_count"] != 13:
        raise AssertionError(f"stepping: at step {state['step']} of {state['step_count']}, expected 4 of 13")
    if abs(d["font_scale"] - 1.1) > 0.01:
        raise AssertionError(f"stepping: font scale {d['font_scale']}, expected 1.1 after Ctrl+=")
    print("ok stepping: step 4 of 13, font scale 1.1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--xvfb-run", required=True)
    ap.add_argument("--xdotool", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("cases", nargs="*", default=["stepping"], help="stepping")
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    failures = 0
    for case in [{"stepping": stepping}[name] for name in a.cases]:
        try:
            case(a)
        except (AssertionError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
            failures += 1
            print("FAIL", e, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
