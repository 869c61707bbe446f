#!/usr/bin/env python3
"""Benchmark runner: times `closureviz run` against CPython on bench/programs/*.py, side by side.

Each program runs alternately under both interpreters (so machine load affects both alike);
the table reports the median wall time of each, their ratio (closureviz / python3, lower is
better) and the peak resident memory of each. Outputs must agree, or the row says so.

    python3 bench/run.py --closureviz PATH [--repeat 3] [--filter NAME] [--markdown]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_measured(cmd, cwd):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        out_fd = os.open(os.path.join("/tmp", f"cvbench-{os.getppid()}.out"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(out_fd, 1)
        err_fd = os.open(os.path.join("/tmp", f"cvbench-{os.getppid()}.err"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(err_fd, 2)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    out = Path(f"/tmp/cvbench-{os.getpid()}.out").read_bytes()
    err = Path(f"/tmp/cvbench-{os.getpid()}.err").read_bytes()
    return elapsed, usage.ru_maxrss, out, err, os.waitstatus_to_exitcode(status)


def real_python(python):
    """The interpreter binary itself (pyenv shims add tens of milliseconds per start)."""
    out = subprocess.run([python, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
    return out.stdout.strip() or python


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--closureviz", required=True)
    parser.add_argument("--python", default="python3")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--filter", default="")
    parser.add_argument("--markdown", action="store_true", help="print only the README table")
    args = parser.parse_args()

    python = real_python(args.python)
    tool = str(Path(args.closureviz).resolve())
    programs = sorted(p for p in (HERE / "programs").glob("*.py") if args.filter in p.name)
    rows = []
    for program in programs:
        py_times, cv_times, py_mem, cv_mem = [], [], [], []
        agree = True
        for _ in range(args.repeat):
            t, mem, out_py, _, code_py = run_measured([python, str(program)], program.parent)
            py_times.append(t)
            py_mem.append(mem)
            t, mem, out_cv, err_cv, code_cv = run_measured([tool, "run", str(program)], program.parent)
            cv_times.append(t)
            cv_mem.append(mem)
            if out_py != out_cv or code_py != code_cv:
                agree = False
                if not args.markdown:
                    sys.stderr.write(f"{program.name}: outputs differ\n{err_cv.decode(errors='replace')[-500:]}\n")
        py_t, cv_t = statistics.median(py_times), statistics.median(cv_times)
        rows.append((program.stem, py_t, cv_t, cv_t / py_t, max(py_mem) / 1024, max(cv_mem) / 1024,
                     max(cv_mem) / max(py_mem), agree))

    print("| program | python3 s | closureviz s | time ratio | python3 MB | closureviz MB | memory ratio | output |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, py_t, cv_t, ratio, py_m, cv_m, mem_ratio, agree in rows:
        print(f"| {name} | {py_t:.3f} | {cv_t:.3f} | {ratio:.2f}x | {py_m:.1f} | {cv_m:.1f} | {mem_ratio:.2f}x | "
              f"{'same' if agree else 'DIFFERS'} |")
    return 0 if all(r[-1] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
