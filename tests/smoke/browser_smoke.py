#!/usr/bin/env python3
"""Browser smoke test: serve the web build on 127.0.0.1, load it in headless Chromium, check that it
starts, that the exported cv_version() answers, that the canvas follows devicePixelRatio, and that
the canvas is not blank.

    browser_smoke.py --site <web build>/site --node node --node-modules DIR --chromium CHROMIUM \
                     --version X.Y.Z --out browser.png
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pngcheck  # noqa: E402


def start_server(site):
    """python3 -m http.server on a free port (port 0), returns (process, port)."""
    server = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        m = re.search(r"port (\d+)", line)
        if m:
            return server, int(m.group(1))
    server.kill()
    raise RuntimeError("http.server did not report its port")


def main():
    ap = argparse.ArgumentParser()
    for name in ("site", "node", "node-modules", "chromium", "version", "out"):
        ap.add_argument("--" + name, required=True)
    a = ap.parse_args()

    for needed in ("index.html", "closureviz.js", "closureviz.wasm", "closureviz.data"):
        if not os.path.isfile(os.path.join(a.site, needed)):
            print(f"FAIL: {a.site}/{needed} missing: build the web page first (scripts/build.sh web)", file=sys.stderr)
            return 1
    if not os.path.isdir(os.path.join(a.node_modules, "playwright-core")):
        print(f"FAIL: no playwright-core in {a.node_modules}: run scripts/setup.sh npm", file=sys.stderr)
        return 1
    if os.path.exists(a.out):
        os.remove(a.out)

    server, port = start_server(a.site)
    try:
        url = f"http://127.0.0.1:{port}/index.html"
        cmd = [a.node, os.path.join(HERE, "browser_smoke.cjs"), "--url", url,
               "--node-modules", a.node_modules, "--chromium", a.chromium, "--out", a.out]
        print("$", " ".join(cmd), flush=True)
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=200, stdin=subprocess.DEVNULL)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    sys.stdout.write(p.stdout)
    sys.stderr.write(p.stderr)
    if p.returncode != 0:
        print(f"FAIL: browser driver exited with {p.returncode}", file=sys.stderr)
        return 1
    result = json.loads(p.stdout.strip().splitlines()[-1])

    problems = []
    if result.get("error"):
        problems.append(f"page reported an error: {result['error']}")
    if result.get("pageErrors"):
        problems.append(f"uncaught page errors: {result['pageErrors']}")
    console_errors = [m for m in result.get("console", []) if m.startswith("error:")]
    if console_errors:
        problems.append(f"errors on the browser console: {console_errors}")
    if result.get("version") != a.version:
        problems.append(f"cv_version() returned {result.get('version')!r}, expected {a.version!r}")
    if not result.get("statusHidden"):
        problems.append("the loading message is still shown")
    c = result.get("canvas", {})
    dpr = c.get("devicePixelRatio", 1)
    if (c.get("width"), c.get("height")) != (round(c.get("cssWidth", 0) * dpr), round(c.get("cssHeight", 0) * dpr)):
        problems.append(f"canvas backing store {c.get('width')}x{c.get('height')} is not its CSS size "
                        f"{c.get('cssWidth')}x{c.get('cssHeight')} x devicePixelRatio {dpr}")
    problems += pngcheck.check(a.out, c.get("cssWidth"), c.get("cssHeight"))
    for problem in problems:
        print("FAIL:", problem, file=sys.stderr)
    if not problems:
        print(f"ok browser_smoke: version {result['version']}, canvas {c['width']}x{c['height']} "
              f"at devicePixelRatio {dpr}, {result['frames']} frames, screenshot {a.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
