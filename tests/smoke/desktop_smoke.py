#!/usr/bin/env python3
"""Desktop smoke test: closureviz-desktop renders frames under Xvfb and saves a non-blank screenshot.

    desktop_smoke.py --exe closureviz-desktop --xvfb-run /usr/bin/xvfb-run --out desktop.png
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pngcheck  # noqa: E402

WIDTH, HEIGHT = 1280, 720


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exe", required=True)
    ap.add_argument("--xvfb-run", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--frames", type=int, default=5)
    a = ap.parse_args()

    if os.path.exists(a.out):
        os.remove(a.out)
    cmd = [a.xvfb_run, "-a", "-s", f"-screen 0 {WIDTH}x{HEIGHT}x24",
           a.exe, "--size", f"{WIDTH}x{HEIGHT}", "--frames", str(a.frames), "--screenshot", a.out]
    print("$", " ".join(cmd), flush=True)
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, timeout=150)
    if p.returncode != 0:
        print(f"FAIL: closureviz-desktop exited with {p.returncode}", file=sys.stderr)
        return 1
    problems = pngcheck.check(a.out, WIDTH, HEIGHT)
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    if not problems:
        print(f"ok desktop_smoke: {a.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
