#!/usr/bin/env python3
"""Differential corpus runner: closureviz vs CPython.

For every tests/programs/**/*.py and assets/lessons/*.py (sorted) this runs the program under CPython
(`PYTHON FILE`) and under our interpreter (`CLOSUREVIZ run FILE`), each with
cwd = the program's directory, stdin = NAME.in if it exists (else /dev/null)
and a 20 s timeout, and compares:

  * stdout, byte for byte;
  * the last line of stderr (trailing whitespace/blank lines ignored);
  * the exit code;
  * with --full-stderr, the WHOLE stderr (the traceback with its source lines and the
    3.11 carets under them, chained exceptions, ...) for every program except those
    under the directories named by --last-line-only (default: syntax_errors/, whose
    SyntaxError carets span ranges closureviz does not have) and those with an
    .expected file.

Usage:
  python3 tests/corpus/run_corpus.py --closureviz PATH [--python python3]
      [--filter SUBSTR] [--jobs N] [--known-failing FILE] [-v]
      [--no-cache] [--timeout SECONDS] [--full-stderr [--last-line-only DIR/ ...]]

Expected results
  CPython's results are cached in
  ${XDG_CACHE_HOME:-~/.cache}/closureviz/corpus-oracle/<sha256>.json, keyed by
  the sha256 of the program text + its stdin text + the program's absolute path
  (a traceback names the file, and another clone of the repository has another
  path) + the CPython version, so switching interpreters can never serve stale
  answers.
  If NAME.expected exists beside NAME.py it is used instead of CPython. It is
  either a JSON object {"stdout": str, "stderr_last_line": str, "exit_code":
  int} (the last two optional, default "" and 0) or, if it is not such a JSON
  object, the exact expected stdout (exit code 0, empty stderr).

Known failures
  --known-failing FILE lists program paths relative to tests/programs, one per
  line; '#' starts a comment. A listed program that fails is counted as
  "known-failing" (printed as `N known-failing` on the line before the summary)
  rather than "failed". A listed program that PASSES counts as a failure
  ("now passes: remove it from the known-failing list"), and so does (when no
  --filter is given) a listed path that matches no program, so the list can
  only shrink honestly.

--programs DIR (for the self-test) replaces tests/programs as the corpus root.

Output ends with the line `N passed, N failed`; the exit status is 0 iff
failed == 0 (2 on usage errors).
"""

import argparse
import base64
import concurrent.futures
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROGRAMS = os.path.normpath(os.path.join(HERE, "..", "programs"))
LESSONS = os.path.normpath(os.path.join(HERE, "..", "..", "assets", "lessons"))
TIMEOUT = 20
CACHE_FORMAT = b"closureviz-corpus-oracle-v1"
TIMEOUT_EXIT = "timeout"


class Result:
    __slots__ = ("stdout", "stderr_last", "exit_code", "stderr_full")

    def __init__(self, stdout, stderr_last, exit_code, stderr_full=b""):
        self.stdout = stdout            # bytes
        self.stderr_last = stderr_last  # str
        self.exit_code = exit_code      # int or TIMEOUT_EXIT / error string
        self.stderr_full = stderr_full  # bytes (compared with --full-stderr)


def last_line(data):
    """Last non-blank line of a bytes blob, decoded, trailing space stripped."""
    text = data.decode("utf-8", errors="replace")
    lines = [ln.rstrip() for ln in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines[-1] if lines else ""


def resolve_command(cmd):
    """Make a command usable from any cwd: paths become absolute."""
    if os.sep in cmd or (os.altsep and os.altsep in cmd):
        return os.path.abspath(cmd)
    found = shutil.which(cmd)
    return found or cmd


def child_env():
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    for var in ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONWARNINGS"):
        env.pop(var, None)
    return env


def run_one(argv, cwd, stdin_path, env):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        # Own session, so that on timeout the whole process group is killed
        # (a wrapper script's children would otherwise keep the pipes open).
        proc = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env, start_new_session=True)
    except OSError as e:
        if stdin_path:
            stdin.close()
        return Result(b"", "<could not start %s: %s>" % (argv[0], e), "could-not-start")
    try:
        out, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        out, err = proc.communicate()
        return Result(out, "<timed out after %gs>" % TIMEOUT, TIMEOUT_EXIT, err)
    finally:
        if stdin_path:
            stdin.close()
    return Result(out, last_line(err), proc.returncode, err)


def python_identity(python, env, cwd):
    """(identity bytes for the cache key, real executable path).

    Launchers such as pyenv shims cost ~0.2 s per start; asking the
    interpreter for sys.executable lets us run it directly."""
    try:
        proc = subprocess.run(
            [python, "-c", "import sys; print(sys.executable); print(sys.version)"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, env=env, cwd=cwd)
    except (OSError, subprocess.TimeoutExpired) as e:
        sys.exit("run_corpus: cannot run --python %s: %s" % (python, e))
    if proc.returncode != 0:
        sys.exit("run_corpus: --python %s failed: %s" % (python, last_line(proc.stderr)))
    lines = proc.stdout.decode("utf-8", "replace").splitlines()
    exe = lines[0] if lines and os.path.isabs(lines[0]) and os.access(lines[0], os.X_OK) else python
    return proc.stdout.split(b"\n", 1)[-1], exe


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "closureviz", "corpus-oracle")


def load_expected_file(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        obj = None
    if isinstance(obj, dict) and "stdout" in obj:
        return Result(obj["stdout"].encode("utf-8"), obj.get("stderr_last_line", ""),
                      obj.get("exit_code", 0))
    return Result(raw, "", 0)


class Oracle:
    def __init__(self, python, env, use_cache, cwd):
        self.env = env
        self.use_cache = use_cache
        self.ident, self.python = python_identity(python, env, cwd)
        self.dir = cache_dir()

    def key(self, program, stdin_bytes, prog_path):
        h = hashlib.sha256()
        where = os.path.realpath(prog_path).encode()
        for part in (CACHE_FORMAT, self.ident, program, stdin_bytes, where):
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        return h.hexdigest()

    def get(self, prog_path, stdin_path):
        with open(prog_path, "rb") as f:
            program = f.read()
        stdin_bytes = b""
        if stdin_path:
            with open(stdin_path, "rb") as f:
                stdin_bytes = f.read()
        key = self.key(program, stdin_bytes, prog_path)
        cpath = os.path.join(self.dir, key + ".json")
        if self.use_cache:
            try:
                with open(cpath, "r", encoding="utf-8") as f:
                    obj = json.load(f)
                # Entries written before whole stderrs were kept lack "stderr": run python again.
                return Result(base64.b64decode(obj["stdout"]), obj["stderr_last_line"],
                              obj["exit_code"], base64.b64decode(obj["stderr"]))
            except (OSError, ValueError, KeyError):
                pass
        res = run_one([self.python, os.path.basename(prog_path)], os.path.dirname(prog_path),
                      stdin_path, self.env)
        if self.use_cache and res.exit_code != TIMEOUT_EXIT and isinstance(res.exit_code, int):
            try:
                os.makedirs(self.dir, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=self.dir, suffix=".tmp")
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump({"stdout": base64.b64encode(res.stdout).decode("ascii"),
                               "stderr_last_line": res.stderr_last,
                               "stderr": base64.b64encode(res.stderr_full).decode("ascii"),
                               "exit_code": res.exit_code}, f)
                os.replace(tmp, cpath)
            except OSError:
                pass
        return res


def find_programs(root, substr):
    progs = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in filenames:
            if fn.endswith(".py"):
                rel = os.path.relpath(os.path.join(dirpath, fn), root).replace(os.sep, "/")
                if substr is None or substr in rel:
                    progs.append(rel)
    # The tutorial's lesson programs (assets/lessons) belong to the default corpus too; their
    # paths stay relative to the corpus root ("../../assets/lessons/NN_name.py").
    if os.path.normpath(root) == DEFAULT_PROGRAMS and os.path.isdir(LESSONS):
        for fn in sorted(os.listdir(LESSONS)):
            rel = os.path.relpath(os.path.join(LESSONS, fn), root).replace(os.sep, "/")
            if fn.endswith(".py") and (substr is None or substr in rel):
                progs.append(rel)
    return sorted(progs)


def read_known_failing(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                line = line.replace("\\", "/")
                if line.startswith("./"):
                    line = line[2:]
                entries.append(line)
    return entries


def show_bytes_line(b):
    return repr(b.decode("utf-8", errors="backslashreplace"))


def explain(exp, got, verbose, full_stderr=False):
    out = []
    if exp.stdout != got.stdout:
        el = exp.stdout.split(b"\n")
        gl = got.stdout.split(b"\n")
        i = 0
        while i < len(el) and i < len(gl) and el[i] == gl[i]:
            i += 1
        out.append("  stdout differs at line %d:" % (i + 1))
        out.append("    - python:     %s" % (show_bytes_line(el[i]) if i < len(el) else "<end of output>"))
        out.append("    + closureviz: %s" % (show_bytes_line(gl[i]) if i < len(gl) else "<end of output>"))
        if verbose:
            import difflib
            diff = list(difflib.unified_diff(
                exp.stdout.decode("utf-8", "backslashreplace").splitlines(),
                got.stdout.decode("utf-8", "backslashreplace").splitlines(),
                "python", "closureviz", lineterm="", n=2))
            out.extend("    " + d for d in diff[:60])
            if len(diff) > 60:
                out.append("    ... (%d more diff lines)" % (len(diff) - 60))
    else:
        out.append("  stdout identical (%d bytes)" % len(exp.stdout))
    same = exp.stderr_last == got.stderr_last
    out.append("  stderr last line %s:" % ("identical" if same else "differs"))
    out.append("    - python:     %r" % (exp.stderr_last,))
    out.append("    + closureviz: %r" % (got.stderr_last,))
    same = exp.exit_code == got.exit_code
    out.append("  exit code %s: python %s, closureviz %s"
               % ("identical" if same else "differs", exp.exit_code, got.exit_code))
    if full_stderr and exp.stderr_full != got.stderr_full:
        import difflib
        diff = list(difflib.unified_diff(
            exp.stderr_full.decode("utf-8", "backslashreplace").splitlines(),
            got.stderr_full.decode("utf-8", "backslashreplace").splitlines(),
            "python", "closureviz", lineterm="", n=1))
        out.append("  whole stderr differs:")
        out.extend("    " + d for d in diff[:40])
    if verbose and got.stderr_full and exp.stderr_last != got.stderr_last:
        tail = got.stderr_full.decode("utf-8", "backslashreplace").splitlines()[-8:]
        out.append("  closureviz stderr tail:")
        out.extend("    | " + t for t in tail)
    return out


def main(argv=None):
    global TIMEOUT
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--closureviz", required=True, help="path to the closureviz executable")
    ap.add_argument("--python", default="python3", help="reference CPython (default python3)")
    ap.add_argument("--filter", default=None, help="only programs whose relative path contains SUBSTR")
    ap.add_argument("--jobs", type=int, default=2, help="parallel jobs (default 2)")
    ap.add_argument("--known-failing", default=None, metavar="FILE",
                    help="list of programs (relative to tests/programs) expected to fail")
    ap.add_argument("--programs", default=DEFAULT_PROGRAMS, help=argparse.SUPPRESS)
    ap.add_argument("--no-cache", action="store_true", help="do not read/write the oracle cache")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="per-run timeout in seconds (default 20)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list passing programs, show full diffs")
    ap.add_argument("--full-stderr", action="store_true",
                    help="compare the whole stderr, not only its last line (see --last-line-only)")
    ap.add_argument("--last-line-only", action="append", default=None, metavar="DIR/",
                    help="with --full-stderr: programs whose path starts with DIR/ compare only the last "
                         "stderr line (repeatable; default syntax_errors/)")
    args = ap.parse_args(argv)
    TIMEOUT = args.timeout
    last_line_only = tuple(args.last_line_only or ["syntax_errors/"])

    root = os.path.abspath(args.programs)
    if not os.path.isdir(root):
        print("run_corpus: no programs directory %s" % root, file=sys.stderr)
        return 2
    closureviz = resolve_command(args.closureviz)
    if os.sep in closureviz and not os.access(closureviz, os.X_OK):
        print("run_corpus: --closureviz %s is not an executable file" % closureviz, file=sys.stderr)
        return 2
    python = resolve_command(args.python)
    env = child_env()
    oracle = Oracle(python, env, not args.no_cache, root)

    known = []
    if args.known_failing:
        try:
            known = read_known_failing(args.known_failing)
        except OSError as e:
            print("run_corpus: cannot read --known-failing: %s" % e, file=sys.stderr)
            return 2
    known_set = set(known)

    programs = find_programs(root, args.filter)
    if not programs:
        print("run_corpus: no programs matched", file=sys.stderr)

    def job(rel):
        path = os.path.join(root, rel)
        stdin_path = path[:-3] + ".in"
        if not os.path.exists(stdin_path):
            stdin_path = None
        exp_file = path[:-3] + ".expected"
        has_expected = os.path.exists(exp_file)
        if has_expected:
            exp = load_expected_file(exp_file)
        else:
            exp = oracle.get(path, stdin_path)
        got = run_one([closureviz, "run", os.path.basename(path)], os.path.dirname(path),
                      stdin_path, env)
        whole = args.full_stderr and not has_expected and not rel.startswith(last_line_only)
        ok = (exp.stdout == got.stdout and exp.stderr_last == got.stderr_last
              and exp.exit_code == got.exit_code and (not whole or exp.stderr_full == got.stderr_full))
        return rel, ok, exp, got, whole

    passed = failed = known_failing = 0
    jobs = max(1, args.jobs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for rel, ok, exp, got, whole in pool.map(job, programs):
            listed = rel in known_set
            if ok and not listed:
                passed += 1
                if args.verbose:
                    print("PASS %s" % rel)
            elif ok and listed:
                failed += 1
                print("FAIL %s" % rel)
                print("  now passes: remove it from the known-failing list")
            elif listed:
                known_failing += 1
                if args.verbose:
                    print("KNOWN-FAIL %s" % rel)
                    print("\n".join(explain(exp, got, False, whole)))
            else:
                failed += 1
                print("FAIL %s" % rel)
                print("\n".join(explain(exp, got, args.verbose, whole)))
            sys.stdout.flush()

    if args.known_failing and args.filter is None:
        all_programs = set(programs)
        for entry in known:
            if entry not in all_programs:
                failed += 1
                print("FAIL %s" % entry)
                print("  listed in %s but no such program: remove it from the known-failing list"
                      % args.known_failing)

    if args.known_failing:
        print("%d known-failing" % known_failing)
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
