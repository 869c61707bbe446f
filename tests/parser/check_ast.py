#!/usr/bin/env python3
"""AST differential checker: closureviz's parser vs CPython's ast module.

Usage:
  python3 tests/parser/check_ast.py --closureviz PATH [--python python3] [--jobs N] [-v] [FILE...]
  python3 tests/parser/check_ast.py --closureviz PATH --errors [FILE...]

Default files: tests/programs/**/*.py and tests/parser/programs/**/*.py.

AST mode (default): for every file that CPython parses, compares
  * `closureviz ast FILE` with `ast.dump(ast.parse(source))`, and
  * `closureviz ast --lines FILE` with the same walk over CPython's tree: one line
    "Type lineno col_offset end_lineno end_col_offset" per node that has a position,
    pre-order, children in `_fields` order. CPython's columns are UTF-8 byte offsets;
    they are converted to code points (closureviz's unit) using the source line.
Files CPython rejects are skipped (see --errors).

Errors mode (--errors; default files: tests/programs/syntax_errors/*.py and
tests/parser/errors/*.py): for every file, compares the error of
`compile(source, FILE, "exec")` with what `closureviz run FILE` reports: the exception type,
message and line must match; the caret column is compared too (reported, and counted as a
failure, when it differs, on ASCII lines: the column under the left-stripped source line,
as both tracebacks show it).

--known-failing FILE: paths relative to the repository, one per line, `#` comments; a listed
file that fails counts as "known-failing" (its messages are still printed), a listed file
that passes is a failure, so the list can only shrink (as tests/corpus/run_corpus.py).

The last line is `N passed, N failed` (skipped and known-failing files are counted before
it); the exit status is 0 iff nothing failed.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# Runs under the oracle python: prints JSON {"dump": ..., "lines": [...]} or {"error": ...}.
ORACLE = r'''
import ast, json, sys
path = sys.argv[1]
data = open(path, "rb").read()
try:
    tree = ast.parse(data.decode("utf-8"), path)
except SyntaxError as e:
    print(json.dumps({"error": "%s: %s" % (type(e).__name__, e.msg)}))
    sys.exit(0)
except (ValueError, RecursionError, MemoryError) as e:
    print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
    sys.exit(0)
src_lines = data.decode("utf-8").encode("utf-8").splitlines()
def col(line, offset):
    if line < 1 or line > len(src_lines):
        return offset
    return len(src_lines[line - 1][:offset].decode("utf-8", "replace"))
out = []
def walk(node):
    if hasattr(node, "lineno") and hasattr(node, "end_lineno"):
        out.append("%s %d %d %d %d" % (type(node).__name__, node.lineno, col(node.lineno, node.col_offset),
                                       node.end_lineno, col(node.end_lineno, node.end_col_offset)))
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            walk(value)
        elif isinstance(value, list):
            for x in value:
                if isinstance(x, ast.AST):
                    walk(x)
sys.setrecursionlimit(100000)
walk(tree)
print(json.dumps({"dump": ast.dump(tree), "lines": out}))
'''

# Runs under the oracle python: prints JSON {"type", "msg", "line", "col"} of compile()'s error, or {}.
ERROR_ORACLE = r'''
import json, sys
path = sys.argv[1]
try:
    compile(open(path, "rb").read(), path, "exec")
    print(json.dumps({}))
except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
    print(json.dumps({"type": type(e).__name__, "msg": getattr(e, "msg", str(e)),
                      "line": getattr(e, "lineno", None), "col": getattr(e, "offset", None)}))
'''


def run(cmd, timeout=60):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"timeout", -1
    return p.stdout, p.stderr, p.returncode


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def short(text, at, width=100):
    lo = max(0, at - width // 2)
    return ("..." if lo else "") + text[lo:lo + width] + ("..." if lo + width < len(text) else "")


def check_ast(args, path):
    """Returns (status, messages): status is 'pass', 'fail' or 'skip'."""
    out, err, rc = run([args.python, "-c", ORACLE, path])
    if rc != 0:
        return "fail", ["oracle failed: %s" % err.decode(errors="replace").strip()[-300:]]
    expected = json.loads(out)
    if "error" in expected:
        return "skip", ["CPython rejects it: %s" % expected["error"]]
    out, err, rc = run([args.closureviz, "ast", path])
    if rc != 0:
        return "fail", ["closureviz ast failed (exit %s): %s" % (rc, err.decode(errors="replace").strip()[-300:])]
    got = out.decode("utf-8", "replace").rstrip("\n")
    msgs = []
    if got != expected["dump"]:
        i = first_difference(got, expected["dump"])
        msgs.append("ast.dump differs at character %d:\n    - python:     %s\n    + closureviz: %s"
                    % (i, short(expected["dump"], i), short(got, i)))
    out, err, rc = run([args.closureviz, "ast", "--lines", path])
    if rc != 0:
        msgs.append("closureviz ast --lines failed (exit %s)" % rc)
    else:
        got_lines = out.decode("utf-8", "replace").splitlines()
        want = expected["lines"]
        bad = [(i, w, g) for i, (w, g) in enumerate(zip(want, got_lines)) if w != g]
        if len(got_lines) != len(want):
            msgs.append("positions: %d nodes from python, %d from closureviz" % (len(want), len(got_lines)))
        if bad:
            msgs.append("positions differ for %d node(s); first %s:" % (len(bad), min(len(bad), args.max_diffs)))
            for i, w, g in bad[:args.max_diffs]:
                msgs.append("    node %d: python %s | closureviz %s" % (i, w, g))
    return ("fail" if msgs else "pass"), msgs


CARET_RE = re.compile(r'^  File "[^"]*", line (\d+)')


def closureviz_error(args, path):
    """(type, msg, line, col) from `closureviz run FILE`'s report, or None when it ran."""
    out, err, rc = run([args.closureviz, "run", path], timeout=20)
    text = err.decode("utf-8", "replace").rstrip("\n").splitlines()
    if rc == 0 or not text:
        return None
    last = text[-1]
    etype, _, msg = last.partition(": ")
    line = col = None
    for i, ln in enumerate(text):
        m = CARET_RE.match(ln)
        if m:
            line = int(m.group(1))
            if i + 2 < len(text) and text[i + 2].strip() == "^":
                col = text[i + 2].index("^") - 4  # the caret under the shown (left-stripped) line
    return etype, msg, line, col


def shown_caret(path, line, offset):
    """Where CPython's traceback puts the caret for a 1-based offset: under the left-stripped line."""
    text = read_line(path, line)
    indent = len(text) - len(text.lstrip(" \t\f"))
    return max(0, offset - 1 - indent)


def read_line(path, n):
    with open(path, "rb") as f:
        lines = f.read().decode("utf-8", "replace").splitlines()
    return lines[n - 1] if 1 <= n <= len(lines) else ""


def check_error(args, path):
    out, err, rc = run([args.python, "-c", ERROR_ORACLE, path])
    if rc != 0:
        return "fail", ["oracle failed: %s" % err.decode(errors="replace").strip()[-300:]]
    want = json.loads(out)
    if not want:
        return "skip", ["CPython compiles it"]
    got = closureviz_error(args, path)
    if got is None:
        return "fail", ["closureviz ran it; python: %s: %s (line %s)" % (want["type"], want["msg"], want["line"])]
    etype, msg, line, col = got
    msgs = []
    if (etype, msg) != (want["type"], want["msg"]):
        msgs.append("message differs:\n    - python:     %s: %s\n    + closureviz: %s: %s"
                    % (want["type"], want["msg"], etype, msg))
    if want["line"] is not None and line != want["line"]:
        msgs.append("line differs: python %s, closureviz %s" % (want["line"], line))
    elif not args.no_columns and want["col"] and want["line"] and col is not None and not msgs:
        # CPython's offsets are UTF-8 bytes; compare on ASCII lines only.
        expected = shown_caret(path, line, want["col"])
        if read_line(path, line).isascii() and col != expected:
            msgs.append("caret differs: python under column %s, closureviz under column %s (of the stripped line)"
                        % (expected, col))
    return ("fail" if msgs else "pass"), msgs


def default_files(errors):
    if errors:
        pats = ["tests/programs/syntax_errors/*.py", "tests/parser/errors/*.py"]
    else:
        pats = ["tests/programs/**/*.py", "tests/parser/programs/**/*.py"]
    files = []
    for pat in pats:
        files += glob.glob(os.path.join(ROOT, pat), recursive=True)
    return sorted(files)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--errors", action="store_true", help="compare syntax errors instead of trees")
    ap.add_argument("--no-columns", action="store_true", help="--errors: do not compare caret columns")
    ap.add_argument("--max-diffs", type=int, default=5)
    ap.add_argument("--known-failing", default=None, help="file listing known failures (see above)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passing and skipped files")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = [os.path.abspath(f) for f in args.files] or default_files(args.errors)
    check = check_error if args.errors else check_ast
    known = set()
    if args.known_failing:
        with open(args.known_failing, encoding="utf-8") as f:
            known = {ln.split("#", 1)[0].strip() for ln in f} - {""}
    counts = {"pass": 0, "fail": 0, "skip": 0, "known": 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for path, (status, msgs) in zip(files, pool.map(lambda f: check(args, f), files)):
            rel = os.path.relpath(path, ROOT)
            if rel in known:
                if status == "fail":
                    status = "known"
                elif status == "pass":
                    status, msgs = "fail", ["listed in %s but passes: remove it" % args.known_failing]
            counts[status] += 1
            if status in ("fail", "known") or args.verbose:
                print("%s %s" % ("KNOWN-FAILING" if status == "known" else status.upper(), rel))
                for m in msgs:
                    print("  " + m)
    if counts["skip"]:
        print("%d skipped" % counts["skip"])
    if counts["known"]:
        print("%d known-failing" % counts["known"])
    print("%d passed, %d failed" % (counts["pass"], counts["fail"]))
    return 0 if counts["fail"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
