#!/usr/bin/env python3
"""Runs one browser test case of the tutorial page (tests/web/page_test.mjs) and judges it.

    run_web_tests.py --case NAME --site <web build>/site --node node --node-modules DIR
                     --chromium CHROMIUM --closureviz <native>/cli/closureviz --out DIR

Serves the site on 127.0.0.1 (a free port), writes the reference traces of the lesson programs
(assets/lessons/*.py) with `closureviz trace`, runs the node driver and prints what it measured.
Exit status 0 iff the case found no failure.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
LESSONS = os.path.join(REPO, "assets", "lessons")
sys.path.insert(0, os.path.join(REPO, "tests", "smoke"))
from browser_smoke import start_server  # noqa: E402

TIMEOUTS = {"lessons": 600, "budgets": 400, "bad_input": 400}


def write_traces(closureviz, out_dir):
    """`closureviz trace` of every lesson into out_dir/NAME.jsonl; returns a list of problems."""
    problems = []
    for name in sorted(os.listdir(LESSONS)):
        if not name.endswith(".py"):
            continue
        target = os.path.join(out_dir, name[:-3] + ".jsonl")
        p = subprocess.run([closureviz, "trace", name, "-o", target], cwd=LESSONS, capture_output=True,
                           timeout=120, stdin=subprocess.DEVNULL)
        if p.returncode != 0 or not os.path.exists(target):
            problems.append(f"closureviz trace {name} failed (exit {p.returncode}): {p.stderr.decode(errors='replace')[-300:]}")
    return problems


def main():
    ap = argparse.ArgumentParser()
    for name in ("case", "site", "node", "node-modules", "chromium", "closureviz", "out"):
        ap.add_argument("--" + name, required=True)
    a = ap.parse_args()

    for needed in ("index.html", "tutorial.js", "tutorial.css", "embed.html", "closureviz.js", "closureviz.wasm", "lessons"):
        if not os.path.exists(os.path.join(a.site, needed)):
            print(f"FAIL: {a.site}/{needed} missing: build the web page first (scripts/build.sh web)", file=sys.stderr)
            return 1
    if not os.path.isdir(os.path.join(a.node_modules, "playwright-core")):
        print(f"FAIL: no playwright-core in {a.node_modules}: run scripts/setup.sh npm", file=sys.stderr)
        return 1
    os.makedirs(a.out, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="closureviz-web-traces-") as traces:
        problems = write_traces(a.closureviz, traces)
        if problems:
            for problem in problems:
                print("FAIL:", problem, file=sys.stderr)
            return 1
        server, port = start_server(a.site)
        try:
            cmd = [a.node, os.path.join(HERE, "page_test.mjs"), "--case", a.case,
                   "--url", f"http://127.0.0.1:{port}/", "--node-modules", a.node_modules,
                   "--chromium", a.chromium, "--out", a.out, "--traces", traces,
                   "--lessons", LESSONS, "--site", a.site]
            print("$", " ".join(cmd), flush=True)
            p = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                               timeout=TIMEOUTS.get(a.case, 240))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    sys.stderr.write(p.stderr)
    lines = p.stdout.strip().splitlines()
    try:
        result = json.loads(lines[-1])
    except (IndexError, ValueError):
        sys.stdout.write(p.stdout)
        print(f"FAIL: the browser driver printed no result (exit {p.returncode})", file=sys.stderr)
        return 1
    print(json.dumps(result["info"], indent=1))
    if a.case == "screenshot":
        import pngcheck  # tests/smoke/pngcheck.py
        c = result["info"].get("canvas", {})
        shot = os.path.join(a.out, "canvas.png")
        result["failures"] += pngcheck.check(shot)   # not blank
        # The canvas's CSS size may be fractional; the element screenshot rounds it either way.
        w, h = pngcheck.decode(shot)[:2]
        if abs(w - c.get("cssWidth", 0)) > 1 or abs(h - c.get("cssHeight", 0)) > 1:
            result["failures"].append(f"canvas screenshot is {w}x{h}, the canvas {c.get('cssWidth')}x{c.get('cssHeight')} CSS pixels")
        if (c.get("width"), c.get("height")) != (round(c.get("cssWidth", 0) * c.get("dpr", 1)), round(c.get("cssHeight", 0) * c.get("dpr", 1))):
            result["failures"].append(f"canvas backing store {c.get('width')}x{c.get('height')} is not its CSS size x devicePixelRatio")
    for failure in result["failures"]:
        print("FAIL:", failure, file=sys.stderr)
    if not result["failures"]:
        print(f"ok web.{a.case}")
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
