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

Both traces are read as they are written and compared step by step, stopping at the
first difference; the reference tracer is then stopped too. CPython's traces are cached
(gzipped) in ${XDG_CACHE_HOME:-~/.cache}/closureviz/trace-oracle/, keyed by the sha256 of
the program, its stdin, the step limit, the Python version and the reference tracer's own
source; a trace that differed is cached up to its first difference only (and traced again
when ours agrees further). Every step holds the whole heap, so a program with big
containers makes huge traces: past TRACE_BYTES of ours, both are compared over the steps
that fit, and a program the reference tracer cannot trace within the timeout is compared
over its first SHORT_STEPS steps. Programs run in --jobs processes, biggest first.
$CV_TRACE_CORPUS_FILTER is the default --filter.

Deliberate deviations are documented in tests/tracer/DEVIATIONS.md; its list of
programs (lines "- `topic/NNN_name.py`: ...") is read as the known deviations: a
listed program that differs counts as "known deviation", a listed program that
agrees is a failure (remove it from the list), so the list can only shrink.

The last line is `N passed, N failed`; the exit status is 0 iff nothing failed.
"""

import argparse
import gzip
import hashlib
import io
import json
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import threading

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
TRACE_BYTES = 160 << 20   # a bigger trace of ours is compared over fewer steps (run_ours)


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


class OracleTruncated(Exception):
    """A cached reference trace holds only the steps up to an earlier difference."""


class OracleFailed(Exception):
    """The reference tracer did not produce a whole trace (the message says why)."""


# The last line of a cached reference trace that was cut at its first difference with ours.
TRUNCATED_MARK = '{"kind": "truncated"}'


def parse_lines(lines):
    """Trace records from JSON lines (ints are written with all their digits)."""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if line == TRUNCATED_MARK:
            raise OracleTruncated()
        yield json.loads(line)


def oracle_key(rel, max_steps, tracer_hash, py_version):
    program = os.path.join(PROGRAMS, rel)
    stdin_file = program[:-3] + ".in"
    h = hashlib.sha256()
    with open(program, "rb") as fh:
        h.update(fh.read())
    if os.path.exists(stdin_file):
        with open(stdin_file, "rb") as fh:
            h.update(b"\0stdin\0" + fh.read())
    h.update(("\0%s\0%s\0%s\0hashseed=0" % (max_steps, py_version, tracer_hash)).encode())
    return os.path.join(cache_dir(), h.hexdigest() + ".jsonl.gz")


def compare_with_cached(cached, ours, max_diffs):
    """compare() against a cached reference trace, read lazily; OracleTruncated when it stops
    before a difference (ours changed since it was cut)."""
    with gzip.open(cached, "rt", encoding="utf-8") as fa, open(ours, encoding="utf-8") as fb:
        return compare_traces.compare(parse_lines(fa), parse_lines(fb), max_diffs=max_diffs)


def compare_while_tracing(python, program, stdin_file, max_steps, ours, cached, max_diffs, use_cache):
    """Runs the reference tracer and compares its trace with ours as its lines arrive.

    Why: the reference trace of a program can be 100 MB (every step holds the whole stack and
    heap), and a documented deviation usually differs in its first steps: the tracer is stopped
    at the first difference, and only the part read is cached (ending in TRUNCATED_MARK). The
    trace is cached whole when it agrees. Raises OracleFailed when the tracer fails or runs out
    of time (TIMEOUT).
    """
    cmd = [python, TRACER, "--max-steps", str(max_steps), program]
    if stdin_file:
        cmd += ["--stdin-file", stdin_file]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    tmp = cached + ".tmp%d" % os.getpid()
    with tempfile.TemporaryFile() as err_file:
        proc = subprocess.Popen(cmd, cwd=os.path.dirname(program), stdout=subprocess.PIPE, stderr=err_file,
                                stdin=subprocess.DEVNULL, env=env)
        timed_out = []
        timer = threading.Timer(TIMEOUT, lambda: (timed_out.append(True), proc.kill()))
        timer.start()
        complete = False
        diffs = None
        try:
            sink = gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) if use_cache else None
            try:
                def reference_lines():
                    nonlocal complete
                    for raw in io.TextIOWrapper(proc.stdout, encoding="utf-8"):
                        if sink:
                            sink.write(raw)
                        yield raw
                    complete = True

                with open(ours, encoding="utf-8") as fb:
                    try:
                        diffs = compare_traces.compare(parse_lines(reference_lines()), parse_lines(fb),
                                                       max_diffs=max_diffs)
                    except ValueError:
                        if not timed_out:
                            raise
                        complete = True     # the line it was writing when stopped is cut short
                if not complete:
                    proc.kill()          # it differs already: the rest of the trace is not needed
                    if sink:
                        sink.write(TRUNCATED_MARK + "\n")
            finally:
                if sink:
                    sink.close()
            code = proc.wait()
        finally:
            timer.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        err_file.seek(0)
        err_text = err_file.read().decode(errors="replace")[-300:]
    if timed_out or (complete and code != 0):
        if os.path.exists(tmp):
            os.remove(tmp)
        if timed_out:
            raise OracleFailed("timeout after %d s" % TIMEOUT)
        raise OracleFailed("no trace written (exit %d): %s" % (code, err_text))
    if use_cache:
        os.replace(tmp, cached)
    return diffs


def run_ours(closureviz, max_steps, program, stdin_file, out_path):
    """`closureviz trace` into out_path; (error or None, steps written or None when cut).

    Every step holds the whole heap, so a program with a big container makes a trace of
    gigabytes (comprehensions/023: 17 GB at 200,000 steps). Past TRACE_BYTES the run is
    stopped and the number of whole steps written is returned: the caller compares that
    many steps of both traces instead.
    """
    cmd = [closureviz, "trace", "--max-steps", str(max_steps), program]
    if stdin_file:
        cmd += ["--stdin-file", stdin_file]
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    err_file = tempfile.TemporaryFile()
    proc = subprocess.Popen(cmd, cwd=os.path.dirname(program), stdout=subprocess.PIPE, stderr=err_file,
                            stdin=subprocess.DEVNULL, env=env)
    timed_out = []
    timer = threading.Timer(TIMEOUT, lambda: (timed_out.append(True), proc.kill()))
    timer.start()
    written = steps = 0
    cut = False
    try:
        with open(out_path, "wb") as out:
            for line in proc.stdout:
                written += len(line)
                if written > TRACE_BYTES:
                    cut = True
                    proc.kill()
                    break
                out.write(line)
                steps += line.startswith(b'{"kind": "step"')
        code = proc.wait()
        err_file.seek(0)
        err_text = err_file.read().decode(errors="replace")[-300:]
    finally:
        timer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        err_file.close()
    if cut:
        return None, max(1, steps)
    if timed_out:
        return "timeout after %d s" % TIMEOUT, None
    if code < 0 or written == 0:
        return "no trace written (exit %d): %s" % (code, err_text), None
    return None, None


def check(args, rel, tracer_hash, py_version):
    program = os.path.join(PROGRAMS, rel)
    stdin_file = program[:-3] + ".in"
    stdin_file = stdin_file if os.path.exists(stdin_file) else None
    max_diffs = 8 if not args.verbose else 40
    max_steps = args.max_steps
    use_cache = not args.no_cache
    with tempfile.TemporaryDirectory() as d:
        ours = os.path.join(d, "trace.jsonl")
        while True:
            err, cut_at = run_ours(args.closureviz, max_steps, program, stdin_file, ours)
            if err:
                return rel, ["closureviz trace: " + err]
            if cut_at is not None:
                max_steps = cut_at      # too big a trace: compare its first steps only
                continue
            cached = oracle_key(rel, max_steps, tracer_hash, py_version)
            try:
                if use_cache and os.path.exists(cached):
                    try:
                        return rel, compare_with_cached(cached, ours, max_diffs)
                    except OracleTruncated:
                        pass            # ours agrees further than the cut: trace again, whole
                return rel, compare_while_tracing(args.python, program, stdin_file, max_steps, ours, cached,
                                                  max_diffs, use_cache)
            except OracleFailed as e:
                # A program the reference tracer cannot trace in time is compared over its
                # first SHORT_STEPS steps instead.
                if str(e).startswith("timeout") and max_steps > SHORT_STEPS:
                    max_steps = SHORT_STEPS
                    continue
                return rel, ["CPython tracer: %s" % e]
            except (OSError, ValueError, EOFError) as e:
                return rel, ["cannot read traces: %s" % e]


def check_star(job):
    """check() for a process pool (one argument, picklable)."""
    return check(*job)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--python", default="python3")
    ap.add_argument("--filter", default=os.environ.get("CV_TRACE_CORPUS_FILTER", ""),
                    help="only programs whose path contains this (default: $CV_TRACE_CORPUS_FILTER or all)")
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
    # Processes, not threads: reading and comparing the traces is Python work, which one
    # process's threads could not spread over the cores. Big programs first, so that the
    # longest ones do not start last.
    jobs = [(args, rel, tracer_hash, py_version) for rel in rels]
    jobs.sort(key=lambda job: -os.path.getsize(os.path.join(PROGRAMS, job[1])))
    pool = multiprocessing.Pool(max(1, args.jobs))
    try:
        by_rel = dict(pool.imap_unordered(check_star, jobs))
    except BaseException:
        pool.terminate()
        raise
    pool.close()
    pool.join()
    results = [(rel, by_rel[rel]) for rel in rels]
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
