#!/usr/bin/env python3
"""Benchmark runner: times `closureviz run` against CPython on bench/programs/*.py, side by side.

Each program runs alternately under both interpreters (so machine load affects both alike);
the table reports the median wall time of each, their ratio (closureviz / python3, lower is
better), the median CPU time (user + system, from the kernel: less disturbed by a busy machine)
and its ratio, and the peak resident memory of each. Outputs must agree, or the row says so.

    python3 bench/run.py --closureviz PATH [--repeat 3] [--filter NAME] [--markdown]
    python3 bench/run.py --record PATH/cv_record_bench [--repeat 3] [--filter NAME] [--seek-steps N]

With --record, the recording benchmark instead (README "Recording benchmarks"): per program, the
steps recorded, the median time of an unrecorded and of a recorded run (in-process, by
cv_record_bench, which also reports CPU time), python3's time for the same program, the ratios
recorded / unrecorded and recorded / python3, steps per second and bytes per recorded step
(Recording::memory_bytes() / steps); then the seek benchmark: random jumps in a recording of the
first --seek-steps steps of closure_counter, forwards and backwards. CPU times come from the
kernel (python3: the child's user + system time), so a loaded machine inflates them less.
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
    run_measured.cpu = usage.ru_utime + usage.ru_stime  # CPU seconds of the last run
    return elapsed, usage.ru_maxrss, out, err, os.waitstatus_to_exitcode(status)


def record_bench(args, python, programs):
    """The recording benchmark table (see the module docstring); returns the exit status."""
    import json
    tool = str(Path(args.record).resolve())
    rows = []
    for program in programs:
        py_times, py_cpu = [], []
        for _ in range(args.repeat):
            t, _, _, _, _ = run_measured([python, str(program)], program.parent)
            py_times.append(t)
            py_cpu.append(run_measured.cpu)
        out = subprocess.run([tool, "run", str(program), "--repeat", str(args.repeat)], cwd=program.parent,
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.stderr.write(f"{program.name}: cv_record_bench failed: {out.stderr[-500:]}\n")
            return 1
        r = json.loads(out.stdout)
        r["name"], r["py_s"], r["py_cpu_s"] = program.stem, statistics.median(py_times), statistics.median(py_cpu)
        rows.append(r)
    print("| program | steps | python3 s (CPU) | unrecorded s (CPU) | recorded s (CPU) | recorded / unrecorded (CPU) "
          "| recorded / python3 (CPU) | steps/s (CPU) | bytes/step |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['name']} | {r['steps']:,} | {r['py_s']:.3f} ({r['py_cpu_s']:.3f}) | {r['plain_s']:.3f} "
              f"({r['plain_cpu_s']:.3f}) | {r['recorded_s']:.3f} ({r['recorded_cpu_s']:.3f}) | "
              f"{r['recorded_s'] / r['plain_s']:.1f}x ({r['recorded_cpu_s'] / r['plain_cpu_s']:.1f}x) | "
              f"{r['recorded_s'] / r['py_s']:.1f}x ({r['recorded_cpu_s'] / r['py_cpu_s']:.1f}x) | "
              f"{r['steps_per_s'] / 1e6:.2f}M ({r['steps_per_cpu_s'] / 1e6:.2f}M) | {r['bytes_per_step']:.1f} |")
    total_bytes = sum(r["memory_bytes"] for r in rows)
    total_steps = sum(r["steps"] for r in rows)
    print(f"\nbytes per recorded step: {statistics.mean(r['bytes_per_step'] for r in rows):.1f} averaged over the "
          f"programs, {total_bytes / total_steps:.1f} over all their steps together")
    seek_program = HERE / "programs" / "closure_counter.py"
    out = subprocess.run([tool, "seek", str(seek_program), "--steps", str(args.seek_steps)], capture_output=True, text=True)
    if out.returncode != 0:
        sys.stderr.write(f"seek: cv_record_bench failed: {out.stderr[-500:]}\n")
        return 1
    s = json.loads(out.stdout)
    print(f"\nseek in a {s['steps']:,}-step recording of closure_counter ({s['memory_bytes'] / 1e6:.1f} MB): "
          f"{s['jumps_forwards']} jumps forwards, median {s['forwards_median_ms']:.4f} ms, max {s['forwards_max_ms']:.3f} ms "
          f"(CPU {s['forwards_cpu_median_ms']:.4f} / {s['forwards_cpu_max_ms']:.3f}); {s['jumps_backwards']} backwards, "
          f"median {s['backwards_median_ms']:.4f} ms, max {s['backwards_max_ms']:.3f} ms "
          f"(CPU {s['backwards_cpu_median_ms']:.4f} / {s['backwards_cpu_max_ms']:.3f})")
    print(f"step_record_json of its last step: first call {s['record_json_first_ms']:.0f} ms (CPU "
          f"{s['record_json_first_cpu_ms']:.0f} ms, numbering every step once), then random steps CPU median "
          f"{s['record_json_cpu_median_ms']:.4f} ms, max {s['record_json_cpu_max_ms']:.3f} ms")
    return 0


def real_python(python):
    """The interpreter binary itself (pyenv shims add tens of milliseconds per start)."""
    out = subprocess.run([python, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
    return out.stdout.strip() or python


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--closureviz", help="the closureviz CLI (the run benchmark)")
    parser.add_argument("--record", help="cv_record_bench (the recording benchmark)")
    parser.add_argument("--seek-steps", type=int, default=1_000_000)
    parser.add_argument("--python", default="python3")
    parser.add_argument("--repeat", "--runs", type=int, default=3, help="runs of each program under each (default 3)")
    parser.add_argument("--filter", default="")
    parser.add_argument("--markdown", action="store_true", help="print only the README table")
    args = parser.parse_args()

    python = real_python(args.python)
    programs = sorted(p for p in (HERE / "programs").glob("*.py") if args.filter in p.name)
    if args.record:
        return record_bench(args, python, programs)
    if not args.closureviz:
        parser.error("one of --closureviz or --record is needed")
    tool = str(Path(args.closureviz).resolve())
    rows = []
    for program in programs:
        py_times, cv_times, py_mem, cv_mem, py_cpu, cv_cpu = [], [], [], [], [], []
        agree = True
        for _ in range(args.repeat):
            t, mem, out_py, _, code_py = run_measured([python, str(program)], program.parent)
            py_times.append(t)
            py_cpu.append(run_measured.cpu)
            py_mem.append(mem)
            t, mem, out_cv, err_cv, code_cv = run_measured([tool, "run", str(program)], program.parent)
            cv_times.append(t)
            cv_cpu.append(run_measured.cpu)
            cv_mem.append(mem)
            if out_py != out_cv or code_py != code_cv:
                agree = False
                if not args.markdown:
                    sys.stderr.write(f"{program.name}: outputs differ\n{err_cv.decode(errors='replace')[-500:]}\n")
        py_t, cv_t = statistics.median(py_times), statistics.median(cv_times)
        py_c, cv_c = statistics.median(py_cpu), statistics.median(cv_cpu)
        rows.append((program.stem, py_t, cv_t, cv_t / py_t, py_c, cv_c, cv_c / py_c, max(py_mem) / 1024,
                     max(cv_mem) / 1024, max(cv_mem) / max(py_mem), agree))

    print("| program | python3 s | closureviz s | time ratio | python3 CPU s | closureviz CPU s | CPU ratio "
          "| python3 MB | closureviz MB | memory ratio | output |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for name, py_t, cv_t, ratio, py_c, cv_c, cpu_ratio, py_m, cv_m, mem_ratio, agree in rows:
        print(f"| {name} | {py_t:.3f} | {cv_t:.3f} | {ratio:.2f}x | {py_c:.3f} | {cv_c:.3f} | {cpu_ratio:.2f}x | "
              f"{py_m:.1f} | {cv_m:.1f} | {mem_ratio:.2f}x | {'same' if agree else 'DIFFERS'} |")
    return 0 if all(r[-1] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
