#!/usr/bin/env python3
"""Check that the differential corpus follows its own rules (run after adding programs).

Usage: python3 tests/corpus/lint_programs.py [--python python3] [--filter SUBSTR] [--jobs N]

For every tests/programs/<topic>/NNN_name.py:
  * name matches NNN_short_name.py; first line is a one-line '# ...' comment;
    5-60 lines; only functools/math/itertools/operator/collections imported;
    none of id()/hash()/open()/eval()/exec()/input() without a NAME.in file,
    no match statements, async, bytes or complex literals;
  * run twice under CPython with different PYTHONHASHSEED values: stdout,
    stderr and exit code must be identical (determinism);
  * stdout must not contain object addresses (' at 0x');
  * programs outside errors/ and syntax_errors/ must exit 0 with empty stderr;
    errors/ must exit 1 with a traceback and print something first;
    syntax_errors/ must exit 1 with an empty stdout and a *Error last line;
    system_exit/ must print something and end with an uncaught SystemExit (its
    status, no traceback).
Exit status 0 iff no problems were found.
"""

import argparse
import concurrent.futures
import io
import os
import re
import subprocess
import sys
import tokenize

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.normpath(os.path.join(HERE, "..", "programs"))
ALLOWED_IMPORTS = {"functools", "math", "itertools", "operator", "collections"}
NAME_RE = re.compile(r"^\d{3}_[a-z0-9_]+\.py$")


def static_problems(rel, src):
    probs = []
    topic, name = rel.split("/", 1)
    lines = src.splitlines()
    if not NAME_RE.match(name):
        probs.append("file name should be NNN_short_name.py")
    if not lines or not lines[0].startswith("# ") or len(lines[0]) < 10:
        probs.append("first line must be a one-line '# ...' comment saying what it checks")
    if not 5 <= len(lines) <= 60:
        probs.append("has %d lines (want 5-60)" % len(lines))
    if topic == "syntax_errors":
        return probs
    for m in re.finditer(r"^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w., ]+))", src, re.M):
        mods = [m.group(1)] if m.group(1) else [x.split()[0] for x in m.group(2).split(",")]
        for mod in mods:
            if mod.split(".")[0] not in ALLOWED_IMPORTS:
                probs.append("imports %s (only %s allowed)" % (mod, ", ".join(sorted(ALLOWED_IMPORTS))))
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, SyntaxError) as e:
        return probs + ["cannot tokenize: %s" % e]
    for i, t in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1] if i else None
        if (t.type == tokenize.NAME and nxt is not None and nxt.string == "("
                and (prev is None or prev.string not in (".", "def"))
                and t.string in ("id", "hash", "open", "eval", "exec", "compile", "breakpoint")):
            if not (t.string == "hash" and prev is not None and prev.string in ("return",)):
                probs.append("line %d: uses %s()" % (t.start[0], t.string))
        if t.type == tokenize.NAME and t.string == "input" and nxt is not None and nxt.string == "(":
            if not os.path.exists(os.path.join(PROGRAMS, rel[:-3] + ".in")):
                probs.append("line %d: uses input() but has no .in file" % t.start[0])
        if t.type == tokenize.NAME and t.string in ("async", "await"):
            probs.append("line %d: uses %s" % (t.start[0], t.string))
        if t.type == tokenize.NAME and t.string == "match" and t.start[1] == 0 and nxt is not None \
                and nxt.type == tokenize.NAME:
            probs.append("line %d: match statement" % t.start[0])
        if t.type == tokenize.STRING and re.match(r"^[rR]?[bB]", t.string):
            probs.append("line %d: bytes literal" % t.start[0])
        if t.type == tokenize.NUMBER and t.string[-1] in "jJ":
            probs.append("line %d: complex literal" % t.start[0])
    return probs


def run(python, path, seed):
    stdin_path = path[:-3] + ".in"
    env = dict(os.environ, PYTHONHASHSEED=str(seed), PYTHONIOENCODING="utf-8")
    with open(stdin_path, "rb") if os.path.exists(stdin_path) else open(os.devnull, "rb") as stdin:
        p = subprocess.run([python, os.path.basename(path)], cwd=os.path.dirname(path), stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, env=env)
    return p.stdout, p.stderr, p.returncode


def dynamic_problems(python, rel):
    path = os.path.join(PROGRAMS, rel)
    topic = rel.split("/", 1)[0]
    try:
        a = run(python, path, 0)
        b = run(python, path, 4242)
    except subprocess.TimeoutExpired:
        return ["takes more than 60 s"]
    probs = []
    if a[0] != b[0] or a[2] != b[2] or a[1].splitlines()[-1:] != b[1].splitlines()[-1:]:
        probs.append("not deterministic across PYTHONHASHSEED values")
    out, err, rc = a
    if re.search(rb" at 0x[0-9a-fA-F]+", out):
        probs.append("stdout contains an object address")
    last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    if topic == "errors":
        if rc != 1 or not err.startswith(b"Traceback"):
            probs.append("errors/ program should end in an uncaught exception (rc=%d)" % rc)
        if not out:
            probs.append("errors/ program should print something before failing")
    elif topic == "system_exit":
        if rc == 0 and err:
            probs.append("system_exit/ program exiting 0 should leave stderr empty")
        if err.startswith(b"Traceback"):
            probs.append("system_exit/ program should end with an uncaught SystemExit, not a traceback")
        if not out:
            probs.append("system_exit/ program should print something before exiting")
    elif topic == "syntax_errors":
        if rc != 1 or out or not re.match(r"^\w*Error: ", last[0]):
            probs.append("syntax_errors/ program should fail to compile (rc=%d, last=%r)" % (rc, last[0]))
    else:
        if rc != 0 or err:
            probs.append("exit %d, stderr %r" % (rc, last[0]))
        if not out:
            probs.append("prints nothing")
    return probs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default="python3")
    ap.add_argument("--filter", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    python = subprocess.run([args.python, "-c", "import sys; print(sys.executable)"],
                            stdout=subprocess.PIPE, check=True).stdout.decode().strip() or args.python
    rels = []
    for dirpath, dirnames, filenames in os.walk(PROGRAMS):
        for fn in filenames:
            full = os.path.join(dirpath, fn)
            rel = os.path.relpath(full, PROGRAMS).replace(os.sep, "/")
            if args.filter and args.filter not in rel:
                continue
            if fn.endswith(".py"):
                rels.append(rel)
            elif not fn.endswith((".in", ".expected")):
                print("%s: unexpected file" % rel)
    rels.sort()
    bad = 0
    counts = {}

    def check(rel):
        with open(os.path.join(PROGRAMS, rel), encoding="utf-8") as f:
            src = f.read()
        return static_problems(rel, src) + dynamic_problems(python, rel)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for rel, probs in zip(rels, pool.map(check, rels)):
            counts[rel.split("/")[0]] = counts.get(rel.split("/")[0], 0) + 1
            for p in probs:
                print("%s: %s" % (rel, p))
            bad += bool(probs)
    for topic in sorted(counts):
        print("%-16s %4d" % (topic, counts[topic]))
    print("%-16s %4d" % ("total", sum(counts.values())))
    print("%d programs with problems" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
