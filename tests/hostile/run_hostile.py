#!/usr/bin/env python3
"""Hostile inputs for `closureviz run`: bad files and bytes, limits, deep nesting, escape attempts.

    run_hostile.py --closureviz BIN [--only NAME] [--list]

Each case writes its program into a fresh temporary directory (bytes built here, so no binary file
lives in the repository) and runs `closureviz run`. Where python3 can give the answer, the case
runs `python3 FILE` too and demands the same stdout, stderr (python3's program name replaced by
ours) and exit status; where closureviz deliberately differs (its limits, its sandbox), the case
states the exact expected output. Every case also demands: no signal, no hang (timeout), and a
last stderr line that names what went wrong.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

PYTHON = sys.executable
CASES = []


def case(fn):
    CASES.append(fn)
    return fn


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Runner:
    def __init__(self, closureviz, workdir):
        self.closureviz = closureviz
        self.workdir = workdir

    def write(self, name, data):
        path = os.path.join(self.workdir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def run(self, argv, stdin=b"", timeout=120):
        started = time.monotonic()
        try:
            p = subprocess.run(argv, input=stdin, capture_output=True, timeout=timeout, cwd=self.workdir)
        except subprocess.TimeoutExpired:
            raise Failure(f"timed out after {timeout} s: {' '.join(argv)}")
        p.seconds = time.monotonic() - started
        expect(p.returncode >= 0, f"killed by signal {-p.returncode}: {' '.join(argv)}")
        return p

    def cv(self, *args, stdin=b"", timeout=120):
        return self.run([self.closureviz, "run", *args], stdin=stdin, timeout=timeout)

    def py(self, *args, stdin=b""):
        return self.run([PYTHON, *args], stdin=stdin)

    def same_as_python(self, path, stdin=b"", cv_args=(), check_stderr=True):
        """closureviz and python3 on one file: same stdout, stderr and exit status."""
        want = self.py(path, stdin=stdin)
        got = self.cv(*cv_args, path, stdin=stdin)
        show = lambda b: b.decode("utf-8", "replace")[-600:]
        expect(got.stdout == want.stdout, f"stdout differs:\n  python3: {show(want.stdout)!r}\n  closureviz: {show(got.stdout)!r}")
        want_err = want.stderr.replace(PYTHON.encode() + b":", b"closureviz:")
        if check_stderr:
            expect(got.stderr == want_err, f"stderr differs:\n  python3: {show(want_err)!r}\n  closureviz: {show(got.stderr)!r}")
        else:
            expect(last_line(got.stderr) == last_line(want_err),
                   f"last stderr line differs:\n  python3: {last_line(want_err)!r}\n  closureviz: {last_line(got.stderr)!r}")
        expect(got.returncode == want.returncode, f"exit {got.returncode}, python3 exits {want.returncode}")
        return got


def last_line(data):
    lines = data.decode("utf-8", "replace").strip("\n").splitlines()
    return lines[-1] if lines else ""


def same(*names_and_sources, check_stderr=True):
    """Cases that only compare a program (str or bytes) with python3."""
    for name, source in names_and_sources:
        def fn(r, source=source, name=name):
            r.same_as_python(r.write(name + ".py", source), check_stderr=check_stderr)
        fn.__name__ = name
        case(fn)


# ---------------------------------------------------------------- the file itself

@case
def missing_file(r):
    got = r.same_as_python(os.path.join(r.workdir, "no_such_file.py"))
    expect(got.returncode == 2, "a missing file exits 2")


@case
def missing_file_relative(r):
    got = r.cv("no_such_dir/x.py")
    want = r.py("no_such_dir/x.py")
    expect(got.stderr == want.stderr.replace(PYTHON.encode() + b":", b"closureviz:"), f"got {got.stderr!r}")
    expect(got.returncode == want.returncode == 2, "exit 2")


@case
def directory(r):
    # python3 looks for __main__.py in a directory; closureviz runs single files and says so.
    d = os.path.join(r.workdir, "pkg")
    os.mkdir(d)
    got = r.cv(d)
    expect(got.stderr == f"closureviz: can't open file '{d}': [Errno 21] Is a directory\n".encode(), f"got {got.stderr!r}")
    expect(got.returncode == 2 and got.stdout == b"", "exit 2, no output")


@case
def stdin_program(r):
    want = r.run([PYTHON, "-"], stdin=b"x = [1, 2]\nprint(sum(x))\nprint(undefined)\n")
    got = r.cv("-", stdin=b"x = [1, 2]\nprint(sum(x))\nprint(undefined)\n")
    expect(got.stdout == want.stdout == b"3\n", f"stdout {got.stdout!r}")
    # python3 cannot show source lines of a program it read from stdin; closureviz can and does.
    expect(last_line(got.stderr) == last_line(want.stderr), f"stderr {got.stderr!r} vs {want.stderr!r}")
    expect(got.returncode == 1, "exit 1")


@case
def stdin_file_option(r):
    prog = r.write("ask.py", "name = input('who? ')\nprint('hi', name)\nprint(input())\n")
    data = r.write("in.txt", "Ada\r\nBob")
    got = r.cv(prog, "--stdin-file", data)
    want = r.py(prog, stdin=b"Ada\nBob")
    expect(got.stdout == want.stdout, f"{got.stdout!r} vs {want.stdout!r}")


same(
    ("empty", b""),
    ("only_newlines", b"\n\n\n"),
    ("only_comments", b"# one\n   # two\n"),
    ("no_final_newline", b"print('end')"),
    ("whitespace_only", b"   \n\t\n  "),
    ("form_feed", b"\x0cprint('ff')\nif 1:\n    \x0cprint(2)\n"),
    ("crlf", b"def f(x):\r\n    return x * 2\r\nprint(f(21))\r\n"),
    ("crlf_syntax_error", b"x = 1\r\nif x\r\n    pass\r\n"),
    ("crlf_in_string", b"s = '''a\r\nb'''\r\nprint(repr(s))\r\n"),
    ("bom", b"\xef\xbb\xbfprint('bom')\n"),
    ("bom_only", b"\xef\xbb\xbf"),
    ("double_bom", b"\xef\xbb\xbf\xef\xbb\xbfprint(1)\n"),
    ("bom_mid_file", b"x = 1\n\xef\xbb\xbfprint(x)\n"),
)

# ---------------------------------------------------------------- bytes CPython refuses

same(
    ("nul_first_byte", b"\x00print(1)\n"),
    ("nul_only", b"\x00"),
    ("nul_in_string_line3", b"x = 1\ny = 2\nz = 'a\x00b'\nprint(z)\n"),
    ("nul_indented_trailing_spaces", b"if 1:\n    x = 1  \x00\n"),
    ("nul_after_open_bracket", b"x = (\n\x00"),
    ("nul_then_bad_utf8_same_line", b"x = \x00 \xff\n"),
    ("bad_utf8_then_nul_same_line", b"x = 1 # \xff\x00\n"),
    ("nul_line2_bad_utf8_line3", b"print(1)\n\x00\n\xff\n"),
    ("bad_utf8_line1_nul_line2", b"# \xfe\n\x00\n"),
    ("binary_elf_header", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00"),
    ("binary_png_header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("binary_gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"),
    ("utf8_lone_continuation", b"x = '\x80'\n"),
    ("utf8_overlong_slash", b"x = '\xc0\xaf'\n"),
    ("utf8_surrogate", b"print(1)\n\xed\xa0\x80\n"),
    ("utf8_above_max", b"print(1)\n\xf4\x90\x80\x80\n"),
    ("utf8_truncated_at_eof", b"x = '\xe2\x82"),
    ("utf8_in_comment", b"# caf\xe9\nprint(1)\n"),
    ("utf8_bad_after_good", b"print('\xc3\xa9t\xc3\xa9')\n# \xff\n"),
    ("latin1_undeclared", b"print('\xe9')\n"),
    ("utf16_text", "print('hi')\n".encode("utf-16")),
)

# ---------------------------------------------------------------- encoding declarations (PEP 263)

same(
    ("coding_utf8", b"# -*- coding: utf-8 -*-\nprint('caf\xc3\xa9')\n"),
    ("coding_utf8_spellings", b"# coding=UTF_8\nprint('caf\xc3\xa9')\n"),
    ("coding_utf8_suffix", b"# vim: set fileencoding=utf-8-unix :\nprint(1)\n"),
    ("coding_latin1", b"# -*- coding: latin-1 -*-\nprint('caf\xe9', len('caf\xe9'))\n"),
    ("coding_latin1_line2", b"#!/usr/bin/env python3\n# coding: iso-8859-1\nprint('\xe9t\xe9')\n"),
    ("coding_latin1_alias", b"# coding: latin1\nprint('\xe9')\n"),
    ("coding_latin1_utf8_bytes", b"# coding: latin-1\nprint('caf\xc3\xa9')\n"),
    ("coding_latin1_traceback", b"# coding: latin-1\nname = 'Ren\xe9'\nprint(name + 1)\n"),
    ("coding_cp1252", b"# coding: cp1252\nprint('\x80 \x93quoted\x94')\n"),
    ("coding_cp1252_undefined_byte", b"# coding: cp1252\nprint('\x81')\n"),
    ("coding_ascii", b"# coding: ascii\nprint('ok')\n"),
    ("coding_ascii_bad_byte", b"# coding: ascii\nprint(1)\n# caf\xc3\xa9\n"),
    ("coding_other_codec_ascii_text", b"# coding: koi8-r\nprint('plain')\n"),
    ("coding_unknown", b"# coding: foo\nprint(1)\n"),
    ("coding_unknown_line2", b"#!/usr/bin/python3\n# -*- coding: klingon -*-\nprint(1)\n"),
    ("coding_unknown_after_blank_line", b"\n# coding: foo\nprint(1)\n"),
    ("coding_unknown_indented", b"   # coding: foo\nprint(1)\n"),
    ("coding_line2_after_code", b"print(1)\n# coding: foo\nprint(2)\n"),
    ("coding_line3_ignored", b"#\n#\n# coding: foo\nprint(3)\n"),
    ("coding_after_code_same_line", b"x = 1 # coding: foo\nprint(x)\n"),
    ("coding_empty_name", b"# coding: \nprint(1)\n"),
    ("coding_utf16", b"# coding: utf-16\nprint(1)\n"),
    ("coding_bom_latin1", b"\xef\xbb\xbf# coding: latin-1\nprint(1)\n"),
    ("coding_bom_utf8", b"\xef\xbb\xbf# coding: utf-8\nprint(1)\n"),
)

# ---------------------------------------------------------------- indentation

same(
    ("tab_after_spaces_block", b"if 1:\n        x = 1\n\ty = 2\n"),
    ("tab_then_spaces_same_level", b"if 1:\n\tx = 1\n        y = 2\n"),
    ("tab_error_on_dedent", b"if 1:\n    if 1:\n\tx = 1\n    y = 2\n"),
    ("tabs_consistent", b"def f():\n\tif 1:\n\t\treturn 'tabs'\nprint(f())\n"),
    ("unindent_mismatch", b"if 1:\n        x = 1\n    y = 2\n"),
    ("unexpected_indent", b"x = 1\n    y = 2\n"),
    ("expected_indent", b"def f():\nreturn 1\n"),
    ("too_many_indents", "x = 1\n" + "".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n"),
    ("indents_99", "x = 1\n" + "".join(" " * i + "if x:\n" for i in range(99)) + " " * 99 + "print('deep')\n"),
)

same(("lone_cr_newlines", b"print(1)\rprint(2)\r"))
# Tracebacks, whole (3.11's ~~^^ marks under the failing expression included).
same(("crlf_traceback", b"x = 1\r\ny = [1]\r\nprint(y[x])\r\n"),
     ("bom_traceback", b"\xef\xbb\xbfx = 1\nprint(x / 0)\n"))

# ---------------------------------------------------------------- source size

@case
def source_10mb_string(r):
    # A 10 MB program: must finish, and quickly (python3 takes about 1 s here).
    path = r.write("big_string.py", "s = '" + "a" * (10 << 20) + "'\nprint(len(s))\n")
    got = r.same_as_python(path)
    expect(got.seconds < 30, f"took {got.seconds:.1f} s")


@case
def source_10mb_comments(r):
    path = r.write("big_comments.py", "# just a comment line\n" * ((10 << 20) // 22) + "print('end')\n")
    got = r.same_as_python(path)
    expect(got.seconds < 30, f"took {got.seconds:.1f} s")


@case
def source_over_limit(r):
    path = r.write("over.py", "x = 1\n" * 400)  # 2400 bytes
    got = r.cv("--max-source-kb", "2", path)
    expect(got.stderr == b"closureviz: the program is larger than the source limit of 2 KB (--max-source-kb)\n",
           f"got {got.stderr!r}")
    expect(got.returncode == 1 and got.stdout == b"", "exit 1, nothing run")
    expect(r.cv("--max-source-kb", "3", path).returncode == 0, "under the limit it runs")


@case
def source_over_limit_stdin(r):
    got = r.cv("--max-source-kb", "1", "-", stdin=b"x = 1\n" * 400)
    expect(last_line(got.stderr) == "closureviz: the program is larger than the source limit of 1 KB (--max-source-kb)",
           f"got {got.stderr!r}")
    expect(got.returncode == 1, "exit 1")


# ---------------------------------------------------------------- memory

def memory_error(name, source, catch=False, limit_mb=256, max_seconds=30):
    def fn(r):
        path = r.write(name + ".py", source)
        got = r.cv("--max-memory-mb", str(limit_mb), path, timeout=120)
        if catch:
            expect(got.stdout == b"caught\nafter\n", f"stdout {got.stdout!r}, stderr {got.stderr[-300:]!r}")
            expect(got.returncode == 0, f"exit {got.returncode}")
        else:
            expect(last_line(got.stderr) == "MemoryError", f"last stderr line {last_line(got.stderr)!r}")
            expect(got.stderr.startswith(b"Traceback (most recent call last):\n"), "a traceback as CPython prints")
            expect(got.returncode == 1, f"exit {got.returncode}")
        expect(got.seconds < max_seconds, f"took {got.seconds:.1f} s to give up")
    fn.__name__ = name
    case(fn)


memory_error("memory_list_repeat", "x = [0] * 10**9\n")
memory_error("memory_str_repeat", "x = 'a' * 10**10\n")
memory_error("memory_nested_copies", "x = []\nwhile True:\n    x.append(x[:])\n")
memory_error("memory_doubling", "x = [0]\nwhile True:\n    x = x + x\n")
memory_error("memory_dict_growth", "d = {}\ni = 0\nwhile True:\n    d[i] = str(i) * 50\n    i += 1\n")
memory_error("memory_native_loop", "x = list(range(10**9))\n")
memory_error("memory_join", "print(len('-'.join(['ab'] * 10**9)))\n")
memory_error("memory_closure_chain", "def make(f):\n    data = [0] * 1000\n    return lambda: (f, data)\n"
             "f = None\nwhile True:\n    f = make(f)\n")
memory_error("memory_caught", "try:\n    x = [0] * 10**9\nexcept MemoryError:\n    print('caught')\nprint('after')\n", catch=True)
memory_error("memory_caught_growth", "try:\n    x = []\n    while True:\n        x.append(' ' * 1000)\n"
             "except MemoryError:\n    x = None\n    print('caught')\nprint('after')\n", catch=True)


@case
def memory_garbage_is_collected(r):
    # Allocating far more than the limit in total is fine when little of it is alive at once.
    path = r.write("churn.py", "t = 0\nfor i in range(300):\n    x = [i] * 100000\n    t += len(x)\nprint(t)\n")
    got = r.cv("--max-memory-mb", "64", path)
    expect(got.stdout == b"30000000\n" and got.returncode == 0, f"{got.stdout!r} {got.stderr[-200:]!r}")


# ---------------------------------------------------------------- output

@case
def output_limit(r):
    path = r.write("spam.py", "i = 0\nwhile True:\n    print('line', i)\n    i += 1\n")
    got = r.cv("--max-output-kb", "64", path)
    expect(len(got.stdout) == 64 * 1024, f"{len(got.stdout)} bytes of output kept")
    expected = "".join(f"line {i}\n" for i in range(20000)).encode()[: 64 * 1024]
    expect(got.stdout == expected, "the output before the limit is kept, in order")
    expect(got.stderr == b"closureviz: output limit reached: the program printed more than 64 KB (--max-output-kb); "
                         b"the run was stopped\n", f"stderr {got.stderr!r}")
    expect(got.returncode == 1, "exit 1")


@case
def output_limit_not_catchable(r):
    path = r.write("spam2.py", "try:\n    while True:\n        print('x' * 99)\nexcept BaseException:\n    print('caught')\n")
    got = r.cv("--max-output-kb", "4", path)
    expect(b"caught" not in got.stdout and len(got.stdout) == 4096, f"{len(got.stdout)} bytes")
    expect(last_line(got.stderr).startswith("closureviz: output limit reached"), f"{got.stderr!r}")


@case
def output_default_limit(r):
    path = r.write("spam3.py", "while True:\n    print('y' * 1000)\n")
    got = r.cv(path)
    expect(len(got.stdout) == 8 << 20, f"{len(got.stdout)} bytes with the default limit")
    expect(b"8192 KB (--max-output-kb)" in got.stderr, f"{got.stderr!r}")


@case
def limit_options_are_checked(r):
    path = r.write("ok.py", "print(1)\n")
    for args, message in [(("--max-memory-mb", "lots"), "--max-memory-mb needs a whole number"),
                          (("--max-output-kb=-1",), "--max-output-kb needs a whole number"),
                          (("--recursion-limit", "0"), "--recursion-limit must be at least 1"),
                          (("--recursion-limit", "100001"), "--recursion-limit needs a whole number from 0 to 100000"),
                          (("--no-such-option", "1"), "unknown option '--no-such-option'")]:
        got = r.cv(*args, path)
        expect(got.returncode == 2 and got.stdout == b"", f"{args}: exit {got.returncode}")
        expect(message in got.stderr.decode(), f"{args}: {got.stderr!r}")
    got = r.cv("--max-memory-mb=0", "--max-output-kb", "0", "--max-source-kb=0", "--recursion-limit=50", path)
    expect(got.stdout == b"1\n", "0 means unlimited; = and space forms both work")

# ---------------------------------------------------------------- trace export size

# Every step of a trace carries the whole reachable heap, so a program that keeps a deep structure
# alive for many steps makes a trace quadratic in size: this one, 100,000 levels deep, would write
# tens of GB. --max-trace-mb (default 1024) stops the export; what was written stays valid.
DEEP_NEST = "x = []\nfor i in range(100000):\n    x = [x]\nprint('built')\n"


@case
def trace_size_limit_jsonl(r):
    path = r.write("deep_nest.py", DEEP_NEST)
    out = os.path.join(r.workdir, "deep_nest.jsonl")
    got = r.run([r.closureviz, "trace", path, "--max-trace-mb", "8", "-o", out], timeout=60)
    expect(got.returncode == 1, f"exit {got.returncode}")
    expect(got.stdout == b"built\n", f"the program's own output still goes to stdout: {got.stdout!r}")
    expect(got.stderr.startswith(b"closureviz: trace: trace size limit reached: the trace of steps 1 to ")
           and b"fills 8 MB (--max-trace-mb)" in got.stderr, f"stderr {got.stderr!r}")
    size = os.path.getsize(out)
    expect(size <= 8 << 20, f"the trace holds {size} bytes, more than the 8 MB asked for")
    with open(out) as f:
        records = [json.loads(line) for line in f]
    steps = [rec for rec in records if rec["kind"] == "step"]
    end = records[-1]
    expect(records[0]["kind"] == "meta" and end["kind"] == "end", "meta first, end last")
    expect([rec["step"] for rec in steps] == list(range(1, len(steps) + 1)) and len(steps) > 100,
           f"steps 1..N in order, N={len(steps)}")
    expect(end["status"] == "limit" and end["steps"] == len(steps) and "--max-trace-mb" in end["message"],
           f"end record {end}")


@case
def trace_size_limit_pytutor(r):
    path = r.write("deep_nest2.py", DEEP_NEST)
    got = r.run([r.closureviz, "trace", path, "--format", "pytutor", "--max-trace-mb=4"], timeout=60)
    expect(got.returncode == 1 and b"trace size limit reached" in got.stderr, f"exit {got.returncode} {got.stderr!r}")
    expect(len(got.stdout) <= 4 << 20, f"{len(got.stdout)} bytes, more than 4 MB")
    trace = json.loads(got.stdout)["trace"]
    expect(trace[-1]["event"] == "instruction_limit_reached" and "--max-trace-mb" in trace[-1]["exception_msg"],
           f"last entry {trace[-1]}")
    expect(len(trace) > 100 and all(t["event"] != "instruction_limit_reached" for t in trace[:-1]), "steps before it")


@case
def trace_accepts_run_limits(r):
    # Deeper than the default recursion limit of 1000 (a 1500-deep stack in every step is ~0.4 GB
    # of trace, hence /dev/null and no size limit).
    path = r.write("trace_limits.py", "def f(n):\n    return f(n + 1) if n < 1500 else n\nprint(f(0))\n")
    got = r.run([r.closureviz, "trace", path, "--recursion-limit", "1600", "--max-memory-mb=512",
                 "--max-trace-mb", "0", "-o", os.devnull], timeout=120)
    expect(got.returncode == 0 and got.stdout == b"1500\n", f"exit {got.returncode} {got.stderr[-300:]!r}")
    got = r.run([r.closureviz, "trace", path, "-o", os.devnull])
    expect(got.returncode == 1 and last_line(got.stderr).startswith("RecursionError"), f"{got.stderr[-300:]!r}")
    # trace ends as python3 ends: exit(N) gives status N, an uncaught exception 1.
    for source, status in [("print('a')\nexit(3)\n", 3), ("raise SystemExit('bye')\n", 1), ("1 / 0\n", 1), ("pass\n", 0)]:
        program = r.write("trace_status.py", source)
        want = r.py(program)
        got = r.run([r.closureviz, "trace", program, "-o", os.devnull])
        expect(got.returncode == want.returncode == status, f"trace of {source!r}: exit {got.returncode}, python3 {want.returncode}")
        expect(last_line(got.stderr) == last_line(want.stderr), f"trace of {source!r}: {got.stderr!r}, python3 {want.stderr!r}")
    got = r.run([r.closureviz, "trace", path, "--max-trace-mb", "lots"])
    expect(got.returncode == 2 and b"--max-trace-mb needs a whole number" in got.stderr, f"{got.stderr!r}")
    got = r.run([r.closureviz, "trace", path, "--frobnicate", "1"])
    expect(got.returncode == 2 and b"unknown option '--frobnicate'" in got.stderr, f"{got.stderr!r}")


# ---------------------------------------------------------------- recursion through natives

CATCH = "try:\n    {call}\nexcept RecursionError as e:\n    print('caught', e)\nprint('after')\n"
same(
    ("recursion_plain", "def f(n):\n    return f(n + 1)\nf(0)\n"),
    ("recursion_sorted_key", "def f(x):\n    return sorted([1, 2], key=f)\n" + CATCH.format(call="f(0)")),
    ("recursion_map", "def f(x):\n    return list(map(f, [x]))\n" + CATCH.format(call="f(0)")),
    ("recursion_filter", "def f(x):\n    return list(filter(f, [x]))\n" + CATCH.format(call="f(0)")),
    ("recursion_dunder_eq", "class E:\n    def __eq__(self, o):\n        return [self] == [o]\n" + CATCH.format(call="E() == E()")),
    ("recursion_dunder_hash", "class H:\n    def __hash__(self):\n        return hash((self,))\n" + CATCH.format(call="hash(H())")),
    ("recursion_dunder_str", "class S:\n    def __str__(self):\n        return str(self)\n" + CATCH.format(call="str(S())")),
    ("recursion_getattr", "class G:\n    def __getattr__(self, n):\n        return getattr(self, n)\n" + CATCH.format(call="G().x")),
    ("recursion_init", "class C:\n    def __init__(self):\n        C()\n" + CATCH.format(call="C()")),
    ("recursion_yield_from", "def g():\n    yield from g()\n" + CATCH.format(call="next(g())")),
    ("recursion_nested_list_repr", "x = []\nfor i in range(100000):\n    x = [x]\n" + CATCH.format(call="repr(x)")),
    ("recursion_nested_dict_str", "x = {}\nfor i in range(100000):\n    x = {1: x}\n" + CATCH.format(call="str(x)")),
    ("recursion_nested_eq", "x, y = [], []\nfor i in range(100000):\n    x, y = [x], [y]\n" + CATCH.format(call="x == y")),
    ("recursion_nested_lt", "x, y = [], []\nfor i in range(100000):\n    x, y = [x], [y]\n" + CATCH.format(call="x < y")),
    ("recursion_fstring", "x = []\nfor i in range(100000):\n    x = [x]\n" + CATCH.format(call="f'{x}'")),
    check_stderr=False,
)


@case
def recursion_nested_hash(r):
    # CPython hashes nested tuples with unchecked C recursion; closureviz bounds it like repr.
    path = r.write("hash_nest.py", "x = ()\nfor i in range(100000):\n    x = (x,)\n" + CATCH.format(call="hash(x)"))
    got = r.cv(path)
    expect(got.stdout == b"caught maximum recursion depth exceeded while calling a Python object\nafter\n", f"{got.stdout!r}")


@case
def recursion_limit_option_deep_native(r):
    # A higher --recursion-limit must stay safe even where every level nests natively (sorted's key).
    path = r.write("deep_sorted.py", "def f(n):\n    if n == 0:\n        return 0\n"
                                     "    return sorted([n], key=lambda v: f(v - 1))[0] + 1\nprint(f(20000))\n")
    got = r.cv("--recursion-limit", "50000", path)
    expect(got.stdout == b"20001\n" and got.returncode == 0, f"{got.stdout!r} {got.stderr[-300:]!r}")
    # 30,000 levels of about 2 KB of native stack each: far beyond a default 8 MB stack.
    got = r.cv("--recursion-limit", "30000", r.write("deeper.py", "def f(x):\n    return sorted([1, 2], key=f)\n"
                                                                   + CATCH.format(call="f(0)")))
    expect(got.stdout == b"caught maximum recursion depth exceeded\nafter\n", f"{got.stdout!r} {got.stderr[-300:]!r}")


# ---------------------------------------------------------------- nesting in the source

same(
    ("nesting_brackets_10000", "x = " + "[" * 10000 + "]" * 10000 + "\n"),
    ("nesting_parens_200", "x = " + "(" * 200 + "1" + ")" * 200 + "\n"),
    ("nesting_parens_199", "x = " + "(" * 199 + "1" + ")" * 199 + "\nprint(x)\n"),
    ("nesting_calls_199", "def f(x=0):\n    return x\nprint(" + "f(" * 198 + ")" * 198 + ")\n"),
    ("nesting_unary_2998", "x = " + "-" * 2998 + "1\nprint(x)\n"),
    ("nesting_binop_2000", "x = 1" + " + 1" * 2000 + "\nprint(x)\n"),
    ("nesting_binop_100000", "x = 1" + " + 1" * 100000 + "\nprint(x)\n"),
    ("nesting_attr_100000", "x = a" + ".a" * 100000 + "\n"),
    ("nesting_calls_100000", "x = f" + "()" * 100000 + "\n"),
    ("nesting_ifexp_2000", "x = " + "1 if 0 else " * 2000 + "2\nprint(x)\n"),
    ("nesting_defs_99", "".join(" " * i + "def f%d():\n" % i for i in range(99)) + " " * 99 + "pass\nprint('ok')\n"),
    check_stderr=False,
)


def compile_refused(name, source):
    """Nesting where CPython's own answer depends on its C parser's stack (MemoryError or
    RecursionError): closureviz must refuse cleanly with one of CPython's two messages."""
    def fn(r):
        got = r.cv(r.write(name + ".py", source))
        expect(last_line(got.stderr) in ("RecursionError: maximum recursion depth exceeded during compilation", "MemoryError"),
               f"last line {last_line(got.stderr)!r}")
        expect(got.returncode == 1 and got.stdout == b"", f"exit {got.returncode}")
    fn.__name__ = name
    case(fn)


compile_refused("nesting_unary_100000", "x = " + "-" * 100000 + "1\n")
compile_refused("nesting_not_100000", "x = " + "not " * 100000 + "1\n")
compile_refused("nesting_lambda_10000", "x = " + "lambda: " * 10000 + "1\n")
compile_refused("nesting_power_100000", "x = " + "2 ** " * 100000 + "1\n")
compile_refused("nesting_ifexp_100000", "x = " + "1 if 0 else " * 100000 + "2\n")
compile_refused("nesting_subscript_100000", "x = a" + "[0]" * 100000 + "\n")

# ---------------------------------------------------------------- escape attempts

def confined(name, source, message):
    """Programs that reach for the host: refused with a clear NotImplementedError, nothing done."""
    def fn(r):
        path = r.write(name + ".py", source)
        got = r.cv(path)
        expect(last_line(got.stderr) == message, f"last stderr line {last_line(got.stderr)!r}")
        expect(got.stdout == b"" and got.returncode == 1, f"stdout {got.stdout!r}, exit {got.returncode}")
        expect(not os.path.exists(os.path.join(r.workdir, "pwned")), "the program wrote a file")
    fn.__name__ = name
    case(fn)


NI = "NotImplementedError: closureviz does not support "
confined("escape_open", "open('pwned', 'w').write('x')\n", NI + "open()")
confined("escape_dunder_import", "__import__('os').system('touch pwned')\n", NI + "__import__()")
confined("escape_import_os", "import os\nos.system('touch pwned')\n", NI + "the 'os' module")
confined("escape_from_os", "from os import system\nsystem('touch pwned')\n", NI + "the 'os' module")
confined("escape_import_sys", "import sys\nsys.exit(0)\n", NI + "the 'sys' module")
confined("escape_import_subprocess", "import subprocess\n", NI + "the 'subprocess' module")
confined("escape_import_builtins", "import builtins\nbuiltins.open('pwned', 'w')\n", NI + "the 'builtins' module")
confined("escape_importlib", "import importlib\n", NI + "the 'importlib' module")
confined("escape_eval", "eval(\"__import__('os').system('touch pwned')\")\n", NI + "eval()")
confined("escape_exec", "exec(\"open('pwned', 'w')\")\n", NI + "exec()")
confined("escape_compile", "compile('1', 'f', 'eval')\n", NI + "compile()")
confined("escape_subclasses", "print(().__class__.__bases__[0].__subclasses__())\n", NI + "type.__subclasses__()")
confined("escape_object_subclasses", "print(object.__subclasses__())\n", NI + "type.__subclasses__()")
confined("escape_breakpoint", "breakpoint()\n", NI + "breakpoint()")


@case
def escape_builtins_dict(r):
    # __builtins__ is a plain namespace of closureviz's own builtins: nothing in it reaches the host.
    path = r.write("b.py", "b = globals()['__builtins__']\nprint(sorted(k for k in b if k in ('open', 'eval', 'exec', '__import__')))\n"
                           "b['open']('pwned', 'w')\n")
    got = r.cv(path)
    expect(last_line(got.stderr) == NI + "open()", f"{got.stderr!r}")
    expect(not os.path.exists(os.path.join(r.workdir, "pwned")), "the program wrote a file")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--closureviz", required=True)
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    cases = [c for c in CASES if not a.only or a.only in c.__name__]
    if a.list:
        print("\n".join(c.__name__ for c in cases))
        return 0
    failed = []
    for c in cases:
        with tempfile.TemporaryDirectory(prefix="cv-hostile-") as d:
            started = time.monotonic()
            try:
                c(Runner(os.path.abspath(a.closureviz), d))
                print(f"ok    {c.__name__} ({time.monotonic() - started:.2f} s)", flush=True)
            except Failure as e:
                failed.append(c.__name__)
                print(f"FAIL  {c.__name__}: {e}", flush=True)
    print(f"{len(cases) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
