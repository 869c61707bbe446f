#!/usr/bin/env bash
# scripts/fuzz.sh: build the libFuzzer targets (fuzz/) and fuzz each one for a set time, keeping the corpus in the cache.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#     targets (default: all, 60 s each): fuzz_parse fuzz_compile fuzz_run fuzz_trace (libFuzzer, fuzz/*.cpp)
#     and share_link (the page's share-link decoder in web/tutorial.js, fuzzed by a node loop:
#     fuzz/share_link_fuzz.mjs, since libFuzzer cannot reach JavaScript)
#
# One fuzzer process at a time (the machines have 2 cores), at nice 19, run from the cache. Each target reads
# the seeds (every .py under tests/programs, tests/parser, tests/fuzz_regressions and assets)
# and its growing corpus in $CLOSUREVIZ_CACHE/fuzz/corpus/TARGET/; crashes, leaks, timeouts
# (> 1 s) and out-of-memory inputs land in $CLOSUREVIZ_CACHE/fuzz/artifacts/TARGET/. Every run
# appends "date target seconds executions findings" to $CLOSUREVIZ_CACHE/fuzz/history.tsv.
# Exit status 1 when any target found something: turn each finding into a file in
# tests/fuzz_regressions/ (see its README.md) and fix it.
#
# Environment: CLOSUREVIZ_FUZZ_BUILD (build tree, default $CLOSUREVIZ_BUILD/fuzz),
# CLOSUREVIZ_FUZZ_ARGS (extra libFuzzer flags, e.g. "-max_len=2048"), CLOSUREVIZ_FUZZ_NO_BUILD=1 (fuzz
# the targets as last built, e.g. while others edit core/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

seconds="${1:-60}"
[ $# -gt 0 ] && shift
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || cv_die "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]"
native_targets=(fuzz_parse fuzz_compile fuzz_run fuzz_trace)
all_targets=("${native_targets[@]}" share_link)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || cv_die "unknown fuzz target '$t' (expected: ${all_targets[*]})"
done

build_targets=()
for t in "${targets[@]}"; do [ "$t" = share_link ] || build_targets+=("$t"); done
[ ${#build_targets[@]} -eq 0 ] || "$CV_ROOT/scripts/setup.sh" fuzz

# --- build (clang, -DCV_FUZZ=ON: everything instrumented with libFuzzer + ASan + UBSan) ------
build="${CLOSUREVIZ_FUZZ_BUILD:-$CV_BUILD/fuzz}"
mkdir -p "$build"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ ${#build_targets[@]} -gt 0 ] && [ ! -f "$build/build.ninja" ]; then
  cv_log "configure $build"
  cmake -S "$CV_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    "${launcher[@]}" -DCV_FUZZ=ON -DCV_BUILD_UI=OFF -DCV_BUILD_TESTS=OFF >"$build.configure.log" 2>&1 \
    || { cat "$build.configure.log" >&2; cv_die "configure failed (log: $build.configure.log)"; }
fi
if [ ${#build_targets[@]} -gt 0 ] && [ "${CLOSUREVIZ_FUZZ_NO_BUILD:-0}" != 1 ]; then
  cv_log "build ${build_targets[*]} in $build"
  nice -n 10 cmake --build "$build" -j "$CV_JOBS" --target "${build_targets[@]}"
fi

# --- seeds: the test programs, refreshed on every run that fuzzes a native target ---------------
# One python3 process copies them all: a process per file is slow at nice 19 on a busy machine.
fuzz_home="$CV_CACHE/fuzz"
seeds="$fuzz_home/seeds"
if [ ${#build_targets[@]} -gt 0 ]; then
  n=$(python3 - "$seeds" "$CV_ROOT/tests/programs" "$CV_ROOT/tests/parser" "$CV_ROOT/tests/fuzz_regressions" \
        "$CV_ROOT/assets" <<'PY'
import os, shutil, sys
seeds, roots = sys.argv[1], sys.argv[2:]
shutil.rmtree(seeds, ignore_errors=True)
os.makedirs(seeds)
files = sorted(os.path.join(d, f) for root in roots if os.path.isdir(root)
               for d, _, names in os.walk(root) for f in names if f.endswith(".py"))
for i, path in enumerate(files):
    shutil.copyfile(path, os.path.join(seeds, f"{i:05d}-{os.path.basename(path)}"))
print(len(files))
PY
  )
  cv_log "seeds: $n programs in $seeds"
fi

# --- fuzz each target in turn ------------------------------------------------------------------
history="$fuzz_home/history.tsv"
[ -f "$history" ] || printf 'date\ttarget\tseconds\texecutions\tfindings\n' > "$history"
summary=()
total_execs=0
total_findings=0
for t in "${targets[@]}"; do
  corpus="$fuzz_home/corpus/$t"
  artifacts="$fuzz_home/artifacts/$t"
  log="$fuzz_home/logs/$t-$(date -u +%Y%m%dT%H%M%S).log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  before=$(find "$artifacts" -type f | wc -l)
  started="$fuzz_home/logs/.started-$t"
  touch "$started"
  cv_log "$t: fuzzing for $seconds s (log: $log)"
  set +e
  if [ "$t" = share_link ]; then
    # A fresh seed per run, so successive runs explore different links (it is in the log).
    seed=$(( $(date +%s) % 1000000 + 1 ))
    echo "seed $seed" >"$log"
    nice -n 19 node "$CV_ROOT/fuzz/share_link_fuzz.mjs" --seconds "$seconds" --seed "$seed" \
      --artifacts "$artifacts" >>"$log" 2>&1
    status=$?
    set -e
    execs=$(grep -o '^share_link: [0-9]* cases' "$log" | grep -o '[0-9]*' || true)
    execs=${execs:-0}
  else
    # Any input taking more than 1 s of CPU time is a finding; so is a memory blow-up past
    # -rss_limit_mb (the runs cap their heap at 64 MB), a crash, a sanitizer report or a leak
    # (detect_leaks is on, libFuzzer's default under ASan). libFuzzer measures time on the wall
    # clock, and a niced process on a shared, loaded machine can wait seconds for a core, so:
    # -report_slow_units=1 saves every input slower than 1 s (wall) as slow-unit-*, -timeout=5
    # stops one that hangs, and each such input is then run again alone and timed in CPU time:
    # over 1 s it stays a finding, else it moves to load-timeouts/ (and after a timeout,
    # fuzzing resumes for the rest of the time; the corpus kept what was learned).
    # One process, in the cache (libFuzzer writes files such as fuzz-N.log into its working
    # directory when given -jobs, which is why there is none here: it would land in the clone).
    deadline=$(( $(date +%s) + seconds ))
    execs=0
    status=0
    : >"$log"
    while :; do
      left=$(( deadline - $(date +%s) ))
      [ $left -gt 0 ] || break
      part="$log.part"
      # shellcheck disable=SC2086
      (cd "$fuzz_home" && nice -n 19 "$build/fuzz/$t" "$corpus" "$seeds" \
        -dict="$CV_ROOT/fuzz/python.dict" -max_total_time="$left" -timeout=5 -report_slow_units=1 -rss_limit_mb=1024 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$artifacts/" \
        ${CLOSUREVIZ_FUZZ_ARGS:-}) >"$part" 2>&1
      status=$?
      cat "$part" >>"$log"
      cp "$part" "$log.last"
      n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$part" | tail -1 | grep -o '[0-9]*$' || true)
      [ -n "$n" ] || n=$(grep -o '^#[0-9]*' "$part" | tail -1 | tr -d '#' || true)
      execs=$(( execs + ${n:-0} ))
      rm -f "$part"
      # Slow and timed-out inputs: findings only if slow in CPU time too.
      slow_real=0
      while IFS= read -r slow; do
        TIMEFORMAT='%U %S'
        cpu=$( { time "$build/fuzz/$t" -timeout=20 "$slow" >/dev/null 2>&1; } 2>&1 | awk '{ print $1 + $2 }')
        if awk -v c="$cpu" 'BEGIN { exit !(c > 1.0) }'; then
          echo "slow input $slow: $cpu s of CPU time alone: a finding" >>"$log"
          slow_real=1
        else
          mkdir -p "$fuzz_home/load-timeouts/$t"
          mv "$slow" "$fuzz_home/load-timeouts/$t/"
          echo "slow input $(basename "$slow"): $cpu s of CPU time alone: slow only under load, moved to load-timeouts/" >>"$log"
        fi
      done < <(find "$artifacts" -maxdepth 1 \( -name 'timeout-*' -o -name 'slow-unit-*' \) -newer "$started" -type f)
      [ $status -ne 0 ] || break
      [ $slow_real -eq 0 ] || break
      # Stopped for a reason other than a timeout (a crash, leak or OOM: a finding)?
      grep -q 'ERROR: libFuzzer: timeout' "$log.last" 2>/dev/null || break
      cv_log "$t: wall-clock timeout under load, resuming"
      status=0
    done
    execs=${execs:-0}
  fi
  after=$(find "$artifacts" -type f | wc -l)
  findings=$((after - before))
  if [ $status -ne 0 ] && [ $findings -eq 0 ]; then
    findings=1   # libFuzzer failed without writing an artifact: look at the log
    cv_log "$t: libFuzzer exited with status $status; see $log"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$t" "$seconds" "$execs" "$findings" >> "$history"
  summary+=("$(printf '%-13s %6s s %12s executions %3s findings' "$t" "$seconds" "$execs" "$findings")")
  total_execs=$((total_execs + execs))
  total_findings=$((total_findings + findings))
  if [ $findings -gt 0 ]; then
    find "$artifacts" -type f -newer "$started" -printf '  new finding: %p\n' 2>/dev/null || true
    grep -m3 -E 'ERROR: |runtime error:|fuzz check failed|^FAIL' "$log" | sed 's/^/  /' || true
  fi
done

echo
printf '%s\n' "${summary[@]}"
printf 'total: %s executions, %s findings (history: %s)\n' "$total_execs" "$total_findings" "$history"
[ $total_findings -eq 0 ]
