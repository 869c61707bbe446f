#!/usr/bin/env python3
"""The `sanitizers` ctest: build cvcore, closureviz and cv_unit_tests with ASan+UBSan, then run the tests with them.

Steps (each timed; the times are printed at the end):
  1. configure BUILD (only when it has no build.ninja yet, or the flags changed) with the
     compiler of the main build, -O1 -g, -fsanitize=address,undefined -fno-sanitize-recover=all,
     no corpus tests of its own (the UI is configured, as tests/ needs its targets, but not built);
     ccache when it is installed;
  2. build only cvcore, closureviz and cv_unit_tests;
  3. run cv_unit_tests (every Catch2 case);
  4. run the differential corpus (tests/corpus/run_corpus.py) with the sanitized closureviz;
  5. run the fuzz regressions (fuzz/check_regressions.py) with it.
The sanitizers halt at their first report (halt_on_error, leak detection on), and give their
own exit codes (ASan 86, UBSan 87), so any report fails the step it happens in.

Usage: run_sanitizers.py --source DIR --build DIR [--cxx PATH] [--jobs N] [--skip-corpus]
Exit status 0 iff every step passed.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time

SANITIZE = "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# -O1: several times faster to compile than -O2/-O3 and still fast enough to run the corpus;
# -g1 (line tables only, cheaper to compile than full -g) for file:line in the reports.
# The tests run with the default 8 MB main-thread stack, as users' programs do: the parser
# measures the stack it has left (core/native_stack.h), so no larger rlimit is needed.
OPT = "-O1 -g1"


def sanitizer_env():
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "halt_on_error=1:detect_leaks=1:exitcode=86:abort_on_error=0:detect_stack_use_after_return=0"
    env["UBSAN_OPTIONS"] = "halt_on_error=1:print_stacktrace=1:exitcode=87"
    env["LSAN_OPTIONS"] = "exitcode=86"
    return env


def children_cpu_seconds():
    # CPU time (user + sys) of every finished child: on a shared machine wall time says more
    # about the other work than about this test.
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def step(name, argv, times, env=None, cwd=None):
    print(f"==> {name}: {' '.join(argv)}", flush=True)
    t0 = time.monotonic()
    cpu0 = children_cpu_seconds()
    proc = subprocess.run(argv, env=env, cwd=cwd)
    times.append((name, time.monotonic() - t0, children_cpu_seconds() - cpu0, proc.returncode))
    if proc.returncode != 0:
        print(f"==> {name} FAILED with exit code {proc.returncode}", flush=True)
    return proc.returncode == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="the closureviz source tree")
    parser.add_argument("--build", required=True, help="build tree of the sanitized build (created if missing)")
    parser.add_argument("--cxx", default="", help="C++ compiler (default: CMake's choice)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--python", default=sys.executable, help="python3 for the corpus runner (and the oracle)")
    parser.add_argument("--skip-corpus", action="store_true", help="build and run only the unit tests")
    args = parser.parse_args()

    source = os.path.abspath(args.source)
    build = os.path.abspath(args.build)
    os.makedirs(build, exist_ok=True)
    times = []
    configure = ["cmake", "-S", source, "-B", build, "-G", "Ninja",
                 "-DCMAKE_BUILD_TYPE=RelWithDebInfo", f"-DCMAKE_CXX_FLAGS_RELWITHDEBINFO={OPT}",
                 f"-DCMAKE_CXX_FLAGS={SANITIZE}", f"-DCMAKE_EXE_LINKER_FLAGS={SANITIZE}",
                 "-DCV_BUILD_TESTS=ON", "-DCV_CORPUS_TEST=OFF", "-DCV_SANITIZER_TEST=OFF"]
    if args.cxx:
        configure.append(f"-DCMAKE_CXX_COMPILER={args.cxx}")
    if shutil.which("ccache"):
        configure.append("-DCMAKE_CXX_COMPILER_LAUNCHER=ccache")
    # Re-configure only when the arguments changed: a configure re-runs Catch2 test discovery setup.
    stamp = os.path.join(build, ".sanitizers-configure-args")
    wanted = "\n".join(configure)
    have = open(stamp).read() if os.path.exists(stamp) else None
    if not os.path.exists(os.path.join(build, "build.ninja")) or have != wanted:
        if not step("configure", configure, times):
            return 1
        with open(stamp, "w") as f:
            f.write(wanted)
    if not step("build", ["cmake", "--build", build, "-j", str(args.jobs), "--target", "cvcore", "closureviz",
                          "cv_unit_tests"], times):
        return 1

    env = sanitizer_env()
    closureviz = os.path.join(build, "cli", "closureviz")
    unit_tests = os.path.join(build, "tests", "cv_unit_tests")
    ok = step("unit tests", [unit_tests, "--use-colour", "no"], times, env=env)
    if not args.skip_corpus:
        ok &= step("corpus", [args.python, os.path.join(source, "tests", "corpus", "run_corpus.py"),
                              "--closureviz", closureviz, "--jobs", str(args.jobs), "--timeout", "120",
                              "--known-failing", os.path.join(source, "tests", "corpus", "known_failing.txt")],
                   times, env=env)
        ok &= step("fuzz regressions", [args.python, os.path.join(source, "fuzz", "check_regressions.py"),
                                        "--closureviz", closureviz, "--timeout", "120"], times, env=env)
    print("==> sanitizers: step times (wall, and CPU user+sys of the step's processes)")
    for name, seconds, cpu, code in times:
        print(f"    {name:<17} {seconds:8.1f} s wall {cpu:8.1f} s CPU  {'ok' if code == 0 else f'FAILED ({code})'}")
    print(f"    {'total':<17} {sum(t[1] for t in times):8.1f} s wall {sum(t[2] for t in times):8.1f} s CPU")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
