#!/usr/bin/env python3
"""Step-by-step differential test of the recorder: closureviz's trace vs CPython's, on the corpus.

    python3 tests/tracer/run_trace_corpus.py --closureviz PATH [--filter SUBSTR]
        [--jobs N] [--max-steps N] [--known-deviations FILE] [--no-cache] [-v]

For every tests/programs/**/*.py except syntax_errors/, and assets/lessons/*.py (sorted), this writes the
trace of the program with the CPython reference tracer (cpython_trace.py) and
with `closureviz trace`, both with cwd = the program's directory, stdin from
NAME.in when it exists, and the same --max-steps, and compares them with
compare_traces.compare() (docs trace-format.md, "Comparing two traces";
A = CPython, B = closureviz). A difference prints the first differing step.

CPython's traces are cached (gzipped) in ${XDG_CACHE_HOME:-~/.cache}/closureviz/trace-oracle/,
keyed by the sha256 of the program, its stdin, the step limit, the Python version
and the reference tracer's own source. A program the reference tracer cannot trace
within the timeout (every step writes the whole heap, so a big heap makes it slow) is
compared over its first SHORT_STEPS steps instead.

Deliberate deviations are documented in tests/tracer/DEVIATIONS.md; its list of
programs (lines "- `topic/NNN_name.py`: ...") is read as the known deviations: a
listed program that differs counts as "known deviation", a listed program that
agrees is a failure (remove it from the list), so the list can only shrink.

The last line is `N passed, N failed`; the exit status is 0 iff nothing failed.
"""

import argparse
import concurrent.futures
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PROGRAMS = os.path.join(REPO, "tests", "programs")
LESSONS = os.path.join(REPO, "assets", "lessons")
TRACER = os.path.join(HERE, "cpython_trace.py")
DEVIATIONS = os.path.join(HERE, "DEVIATIONS.md")
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import compare_traces  # noqa: E402

TIMEOUT = 120
SHORT_STEPS = 5000


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "closureviz", "trace-oracle")
    os.makedirs(path, exist_ok=True)
    return path


def programs(filter_text):
    out = []
    for root, _dirs, files in os.walk(PROGRAMS):
        for name in files:
            if not name.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(root, name), PROGRAMS)
            if rel.startswith("syntax_errors" + os.sep):
                continue
            if filter_text and filter_text not in rel:
                continue
            out.append(rel)
    # The tutorial's lesson programs too, named relative to tests/programs like the others.
    if os.path.isdir(LESSONS):
        for name in os.listdir(LESSONS):
            rel = os.path.relpath(os.path.join(LESSONS, name), PROGRAMS)
            if name.endswith(".py") and (not filter_text or filter_text in rel):
                out.append(rel)
    return sorted(out)


def known_deviations(path):
    """Program paths listed in DEVIATIONS.md as `- `topic/file.py`: reason`."""
    listed = set()
    if not path or not os.path.exists(path):
        return listed
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"\s*[-*]\s+`([^`]+\.py)`", line)
            if m:
                listed.add(m.group(1))
    return listed


def run_trace(cmd, program, stdin_file, out_path):
    args = list(cmd) + [program, "-o", out_path]
    if stdin_file:
        args += ["--stdin-file", stdin_file]
    # A fixed str hash seed: CPython's set-of-str iteration order, hence its trace, is reproducible.
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    try:
        proc = subprocess.run(args, cwd=os.path.dirname(program), capture_output=True, timeout=TIMEOUT, env=env,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        if os.path.exists(out_path):
            os.remove(out_path)
        return "timeout after %d s" % TIMEOUT
    if proc.returncode < 0 or not os.path.exists(out_path) or os.path.getsize(out_path) == 0:
        return "no trace written (exit %d): %s" % (proc.returncode, proc.stderr.decode(errors="replace")[-300:])
    return None


def oracle_trace(python, rel, max_steps, use_cache, tracer_hash, py_version):
    program = os.path.join(PROGRAMS, rel)
    stdin_file = program[:-3] + ".in"
    stdin_file = stdin_file if os.path.exists(stdin_file) else None
    h = hashlib.sha256()
    with open(program, "rb") as fh:
        h.update(fh.read())
    if stdin_file:
        with open(stdin_file, "rb") as fh:
            h.update(b"\0stdin\0" + fh.read())
    h.update(("\0%s\0%s\0%s\0hashseed=0" % (max_steps, py_version, tracer_hash)).encode())
    cached = os.path.join(cache_dir(), h.hexdigest() + ".jsonl.gz")
    if use_cache and os.path.exists(cached):
        return cached, None
    tmp = cached + ".tmp%d" % os.getpid()
    err = run_trace([python, TRACER, "--max-steps", str(max_steps)], program, stdin_file, tmp)
    if err:
        if os.path.exists(tmp):
            os.remove(tmp)
        return None, err
    with open(tmp, "rb") as src, gzip.open(cached + ".gz%d" % os.getpid(), "wb", compresslevel=3) as dst:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                break
            dst.write(chunk)
    os.remove(tmp)
    os.replace(cached + ".gz%d" % os.getpid(), cached)
    return cached, None


def load_records(path):
    """The records of a trace file (gzipped when its name ends in .gz)."""
    if not path.endswith(".gz"):
        return compare_traces.load_trace(path)
    records = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                records.append(json.loads(line))
    return records


def check(args, rel, tracer_hash, py_version):
    program = os.path.join(PROGRAMS, rel)
    stdin_file = program[:-3] + ".in"
    stdin_file = stdin_file if os.path.exists(stdin_file) else None
    max_steps = args.max_steps
    oracle, err = oracle_trace(args.python, rel, max_steps, not args.no_cache, tracer_hash, py_version)
    if err and err.startswith("timeout") and max_steps > SHORT_STEPS:
        max_steps = SHORT_STEPS
        oracle, err = oracle_trace(args.python, rel, max_steps, not args.no_cache, tracer_hash, py_version)
    if err:
        return rel, ["CPython tracer: " + err]
    with tempfile.TemporaryDirectory() as d:
        ours = os.path.join(d, "trace.jsonl")
        err = run_trace([args.closureviz, "trace", "--max-steps", str(max_steps)], program, stdin_file, ours)
        if err:
            return rel, ["closureviz trace: " + err]
        try:
            a = load_records(oracle)
            b = load_records(ours)
        except (OSError, ValueError) as e:
            return rel, ["cannot read traces: %s" % e]
    return rel, compare_traces.compare(a, b, max_diffs=8 if not args.verbose else 40)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--filter", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-steps", type=int, default=200000)
    ap.add_argument("--known-deviations", default=DEVIATIONS)
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    args.closureviz = os.path.abspath(args.closureviz)

    with open(TRACER, "rb") as fh:
        tracer_hash = hashlib.sha256(fh.read()).hexdigest()[:16]
    py_version = subprocess.run([args.python, "-c", "import sys; print(sys.version)"],
                                capture_output=True, text=True).stdout.strip()
    listed = known_deviations(args.known_deviations)
    rels = programs(args.filter)
    passed = failed = deviating = 0
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda r: check(args, r, tracer_hash, py_version), rels))
    for rel, diffs in results:
        if rel in listed:
            if diffs:
                deviating += 1
                if args.verbose:
                    print("KNOWN %s\n  %s" % (rel, "\n  ".join(diffs)))
            else:
                failed += 1
                problems.append(rel)
                print("FAIL %s\n  agrees with CPython now: remove it from %s" % (rel, os.path.basename(args.known_deviations)))
            continue
        if diffs:
            failed += 1
            problems.append(rel)
            print("FAIL %s\n  %s" % (rel, "\n  ".join(diffs)))
        else:
            passed += 1
    if not args.filter:
        for rel in sorted(listed - set(rels)):
            failed += 1
            print("FAIL %s\n  listed in %s but not in the corpus" % (rel, os.path.basename(args.known_deviations)))
    if deviating:
        print("%d known deviations (%s)" % (deviating, os.path.relpath(args.known_deviations, REPO)))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
