#!/usr/bin/env python3
"""The step limit of `closureviz trace`: an endless loop stops after --max-steps steps with the
limit message, and everything up to there is exported (both formats).

    python3 tests/recording/check_step_limit.py --closureviz PATH

Exit status 0 when every check passes; each failed check prints one line.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

LOOP = """\
n = 0
while True:
    n += 1
    if n % 100 == 0:
        print("tick", n)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--closureviz", required=True)
    args = parser.parse_args()
    failures = []

    def check(condition, what):
        if not condition:
            failures.append(what)
            print("FAIL", what)

    with tempfile.TemporaryDirectory(prefix="cv-limit-") as tmp:
        program = os.path.join(tmp, "loop.py")
        with open(program, "w") as f:
            f.write(LOOP)
        for limit, grouped in ((5000, "5,000"), (12345, "12,345"), (7, "7")):
            out_path = os.path.join(tmp, "trace.jsonl")
            r = subprocess.run([args.closureviz, "trace", program, "--max-steps", str(limit), "-o", out_path],
                               capture_output=True, text=True, timeout=120)
            message = f"stopped after {grouped} steps: the program may loop forever"
            check(r.returncode == 1, f"limit {limit}: exit code {r.returncode}, expected 1")
            check(r.stderr == f"closureviz: trace: {message}\n", f"limit {limit}: stderr {r.stderr!r}")
            with open(out_path, encoding="utf-8") as f:
                records = [json.loads(line) for line in f]
            steps = [x for x in records if x["kind"] == "step"]
            end = records[-1]
            check(len(steps) == limit, f"limit {limit}: {len(steps)} step records")
            check([x["step"] for x in steps] == list(range(1, limit + 1)), f"limit {limit}: steps not numbered 1..N")
            check(end.get("status") == "limit" and end.get("steps") == limit and end.get("message") == message,
                  f"limit {limit}: end record {str(end)[:200]}")
            # What was printed before the limit is kept, in the steps and in the end record, and on stdout.
            printed = "".join(x.get("out", "") for x in steps)
            check(printed == end.get("stdout"), f"limit {limit}: the steps' output differs from the end record's")
            check(r.stdout == printed, f"limit {limit}: the program's stdout differs from the recorded output")
            if limit >= 5000:
                n = steps[-1]["stack"][0]["locals"].get("n")
                ticks = printed.count("tick")
                check(isinstance(n, int) and ticks == n // 100 and ticks > 0,
                      f"limit {limit}: n = {n} at the last step but {ticks} ticks printed")
            tutor_path = os.path.join(tmp, "trace.json")
            r = subprocess.run([args.closureviz, "trace", program, "--max-steps", str(limit), "--format", "pytutor",
                                "-o", tutor_path], capture_output=True, text=True, timeout=120)
            check(r.returncode == 1, f"limit {limit} pytutor: exit code {r.returncode}")
            with open(tutor_path, encoding="utf-8") as f:
                tutor = json.load(f)
            check(len(tutor["trace"]) == limit, f"limit {limit} pytutor: {len(tutor['trace'])} steps")
            check(tutor["trace"][-1]["stdout"] == printed, f"limit {limit} pytutor: stdout of the last step")
        # Bad values are usage errors (exit 2), never a run.
        for bad in ("0", "-3", "ten", "12x", ""):
            r = subprocess.run([args.closureviz, "trace", program, "--max-steps", bad], capture_output=True,
                               text=True, timeout=30)
            check(r.returncode == 2 and "--max-steps needs a positive number" in r.stderr and not r.stdout,
                  f"--max-steps {bad!r}: exit {r.returncode}, stderr {r.stderr!r}")
        # A program that ends before the limit is not affected by it.
        short = os.path.join(tmp, "short.py")
        with open(short, "w") as f:
            f.write("print(sum(range(10)))\n")
        r = subprocess.run([args.closureviz, "trace", short, "--max-steps", "1000000"], capture_output=True,
                           text=True, timeout=30)
        end = json.loads(r.stdout.splitlines()[-1])
        check(r.returncode == 0 and end["status"] == "ok" and end["stdout"] == "45\n" and "message" not in end,
              f"short program: exit {r.returncode}, end {end}")
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
