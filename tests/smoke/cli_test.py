#!/usr/bin/env python3
"""Command-line tests of `closureviz`: one named case per ctest test (see tests/CMakeLists.txt).

    cli_test.py --closureviz BIN --version X.Y.Z --example adder.py CASE
"""
import argparse
import os
import subprocess
import sys
import tempfile


def run(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    print(f"$ closureviz {' '.join(args)}\n  exit {p.returncode}\n  stdout: {p.stdout!r}\n  stderr: {p.stderr!r}")
    return p


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def one_line_error(p, code=2):
    expect(p.returncode == code, f"exit code {p.returncode}, expected {code}")
    expect(p.stdout == "", "stdout should be empty on error")
    lines = p.stderr.splitlines()
    expect(len(lines) == 1, f"stderr should be exactly one line, got {len(lines)}")
    expect(lines[0].startswith("closureviz: "), "error should start with 'closureviz: '")
    return lines[0]


def case_version(a):
    p = run(a.closureviz, "--version")
    expect(p.returncode == 0, "--version should exit 0")
    expect(p.stdout == f"closureviz {a.version}\n", f"expected 'closureviz {a.version}'")


def case_help(a):
    p = run(a.closureviz, "--help")
    expect(p.returncode == 0, "--help should exit 0")
    expect(p.stdout.startswith("usage: closureviz"), "--help should print usage")
    expect("  run " in p.stdout, "--help should list the run command")


def case_no_args(a):
    p = run(a.closureviz)
    expect(p.returncode == 2, "no arguments should exit 2")
    expect("usage: closureviz" in p.stderr, "no arguments should print usage to stderr")


def case_unknown_command(a):
    line = one_line_error(run(a.closureviz, "frobnicate"))
    expect("frobnicate" in line, "error should name the unknown command")


def case_run_missing_file(a):
    missing = os.path.join(tempfile.gettempdir(), "closureviz-no-such-file.py")
    line = one_line_error(run(a.closureviz, "run", missing))
    # python3's line, with closureviz's name in place of python3's
    expect(line == f"closureviz: can't open file '{missing}': [Errno 2] No such file or directory",
           "error should be python3's can't-open-file line")


def case_run_no_file(a):
    one_line_error(run(a.closureviz, "run"))


def case_run_example(a):
    # Before the interpreter lands: the placeholder message. After: the program's real output.
    p = run(a.closureviz, "run", a.example)
    if p.returncode == 2:
        expect(p.stderr == "closureviz: run: not implemented yet\n", "unexpected placeholder message")
    else:
        expect(p.returncode == 0 and p.stdout == "8\n", "adder.py should print 8 and exit 0")


CASES = {name[5:]: fn for name, fn in globals().items() if name.startswith("case_")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--version", required=True)
    ap.add_argument("--example", required=True)
    ap.add_argument("case", choices=sorted(CASES))
    a = ap.parse_args()
    try:
        CASES[a.case](a)
    except AssertionError as e:
        print(f"FAIL cli.{a.case}: {e}", file=sys.stderr)
        return 1
    print(f"ok cli.{a.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
