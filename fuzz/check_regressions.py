#!/usr/bin/env python3
"""Fuzz regressions: every input the fuzzers once broke closureviz with must now be handled cleanly.

For each file in tests/fuzz_regressions/ (any name except README.md; one file per finding,
whose first line is a `#` comment saying what broke) this runs

  closureviz run FILE                                  (stdin /dev/null)
  closureviz trace FILE -o TMP --max-steps 200000      (and also --format pytutor)

each under a timeout, and requires of every run:

  * it ended by itself within the timeout (no hang) and was not killed by a signal (no crash);
  * exit code 0, 1 (the program's own error, reported on stderr) or 2 (a usage error), with a
    message on stderr when nonzero; or, for a program that ends itself with exit(N) or an uncaught
    SystemExit, the exit code and stderr python3 gives for the same file (python3 is the oracle);
  * no AddressSanitizer / UndefinedBehaviorSanitizer / LeakSanitizer report on stderr
    (matters when CLOSUREVIZ is a sanitized build: tests/sanitizers runs this too);
  * the trace written by `trace` is valid JSON (every line for jsonl, the whole file for pytutor).

Usage: check_regressions.py --closureviz PATH [--dir DIR] [--timeout SECONDS]
Prints one line per failure and ends with `N files, N runs, N failed`; exit status 0 iff none failed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "tests", "fuzz_regressions"))
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:", "ERROR: UndefinedBehaviorSanitizer")


def python_outcome(path, timeout):
    """(exit code, stderr) of `python3 FILE` with the program's own directory as cwd, or None."""
    try:
        proc = subprocess.run([sys.executable, path], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout, cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired:
        return None
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def check_run(argv, timeout, trace_path=None, trace_format=None, oracle=None):
    """Runs argv; returns a list of problems (empty when the run was clean). `oracle` gives
    python3's (exit code, stderr) for the program, asked for only when the exit code needs it."""
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return [f"did not finish within {timeout} s"]
    problems = []
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0:
        problems.append(f"killed by signal {-proc.returncode}")
    elif proc.returncode not in (0, 1, 2) or (proc.returncode != 0 and not stderr.strip()):
        # Only the program's own exit(N) may do that, and then python3 does the same.
        want = oracle() if oracle else None
        if want is None or want[0] != proc.returncode or bool(want[1].strip()) != bool(stderr.strip()):
            expected = f"python3: exit code {want[0]}" if want else "expected 0, 1 or 2 with a message"
            problems.append(f"exit code {proc.returncode}{'' if stderr.strip() else ' without a message on stderr'} ({expected})")
    for marker in SANITIZER_MARKERS:
        if marker in stderr:
            line = next(l for l in stderr.splitlines() if marker in l)
            problems.append(f"sanitizer report: {line.strip()}")
            break
    if trace_path and not problems and proc.returncode != 2:
        try:
            with open(trace_path, encoding="utf-8") as f:
                text = f.read()
            if trace_format == "pytutor":
                json.loads(text)
            else:
                lines = text.splitlines()
                if len(lines) < 2:
                    problems.append("trace has fewer than 2 lines (meta and end)")
                for line in lines:
                    json.loads(line)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            problems.append(f"trace is not valid JSON: {e}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--closureviz", required=True)
    parser.add_argument("--dir", default=DEFAULT_DIR)
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    if not os.access(args.closureviz, os.X_OK):
        print(f"check_regressions: not an executable: {args.closureviz}")
        return 2
    files = sorted(f for f in os.listdir(args.dir)
                   if f != "README.md" and os.path.isfile(os.path.join(args.dir, f)))
    failed = 0
    runs = 0
    with tempfile.TemporaryDirectory(prefix="cv-fuzz-regr-") as tmp:
        for name in files:
            path = os.path.join(args.dir, name)
            with open(path, "rb") as f:
                if not f.readline().startswith(b"#"):
                    print(f"FAIL {name}: must open with a '#' comment saying what broke")
                    failed += 1
            trace = os.path.join(tmp, "trace.out")
            python_said = []
            def oracle(path=path):
                if not python_said:
                    python_said.append(python_outcome(path, args.timeout))
                return python_said[0]
            checks = [
                ("run", [args.closureviz, "run", path], None, None),
                ("trace", [args.closureviz, "trace", path, "-o", trace, "--max-steps", "200000"], trace, "jsonl"),
                ("trace pytutor", [args.closureviz, "trace", path, "-o", trace, "--max-steps", "200000",
                                   "--format", "pytutor"], trace, "pytutor"),
            ]
            for label, argv, trace_path, trace_format in checks:
                if trace_path and os.path.exists(trace_path):
                    os.remove(trace_path)
                runs += 1
                for problem in check_run(argv, args.timeout, trace_path, trace_format, oracle):
                    print(f"FAIL {name} ({label}): {problem}")
                    failed += 1
    print(f"{len(files)} files, {runs} runs, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
