#!/usr/bin/env bash
# scripts/fuzz.sh: build the libFuzzer targets (fuzz/) and fuzz each one for a set time, keeping the corpus in the cache.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s each for fuzz_parse fuzz_compile fuzz_run fuzz_trace
#
# One fuzzer process at a time (the machines have 2 cores), at nice 10. Each target reads
# the seeds (every .py under tests/programs, tests/parser, tests/fuzz_regressions and assets)
# and its growing corpus in $CLOSUREVIZ_CACHE/fuzz/corpus/TARGET/; crashes, leaks, timeouts
# (> 1 s) and out-of-memory inputs land in $CLOSUREVIZ_CACHE/fuzz/artifacts/TARGET/. Every run
# appends "date target seconds executions findings" to $CLOSUREVIZ_CACHE/fuzz/history.tsv.
# Exit status 1 when any target found something: turn each finding into a file in
# tests/fuzz_regressions/ (see its README.md) and fix it.
#
# Environment: CLOSUREVIZ_FUZZ_BUILD (build tree, default $CLOSUREVIZ_BUILD/fuzz),
# CLOSUREVIZ_FUZZ_ARGS (extra libFuzzer flags, e.g. "-max_len=2048").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

seconds="${1:-60}"
[ $# -gt 0 ] && shift
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || cv_die "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]"
all_targets=(fuzz_parse fuzz_compile fuzz_run fuzz_trace)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $t "* ]] || cv_die "unknown fuzz target '$t' (expected: ${all_targets[*]})"
done

"$CV_ROOT/scripts/setup.sh" fuzz

# --- build (clang, -DCV_FUZZ=ON: everything instrumented with libFuzzer + ASan + UBSan) ------
build="${CLOSUREVIZ_FUZZ_BUILD:-$CV_BUILD/fuzz}"
mkdir -p "$build"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ ! -f "$build/build.ninja" ]; then
  cv_log "configure $build"
  cmake -S "$CV_ROOT" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
    "${launcher[@]}" -DCV_FUZZ=ON -DCV_BUILD_UI=OFF -DCV_BUILD_TESTS=OFF >"$build.configure.log" 2>&1 \
    || { cat "$build.configure.log" >&2; cv_die "configure failed (log: $build.configure.log)"; }
fi
cv_log "build ${targets[*]} in $build"
nice -n 10 cmake --build "$build" -j "$CV_JOBS" --target "${targets[@]}"

# --- seeds: the test programs, refreshed on every run (cheap: a few hundred small files) ------
fuzz_home="$CV_CACHE/fuzz"
seeds="$fuzz_home/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
n=0
while IFS= read -r -d '' f; do
  cp "$f" "$seeds/$(printf '%05d' $n)-$(basename "$f")"
  n=$((n + 1))
done < <(find "$CV_ROOT/tests/programs" "$CV_ROOT/tests/parser" "$CV_ROOT/tests/fuzz_regressions" "$CV_ROOT/assets" \
           -name '*.py' -type f -print0 2>/dev/null | sort -z)
cv_log "seeds: $n programs in $seeds"

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
  # -timeout=1: any input slower than a second is a finding; -rss_limit_mb: so is a memory blow-up
  # (the runs cap their heap at 64 MB); detect_leaks stays on (libFuzzer's default under ASan).
  # shellcheck disable=SC2086
  set +e
  nice -n 10 "$build/fuzz/$t" "$corpus" "$seeds" \
    -dict="$CV_ROOT/fuzz/python.dict" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=1024 \
    -max_len=4096 -jobs=1 -workers=1 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    ${CLOSUREVIZ_FUZZ_ARGS:-} >"$log" 2>&1
  status=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  if [ -z "$execs" ]; then   # killed before the final stats: take the last progress line ("#12345 ...")
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  fi
  execs=${execs:-0}
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
    grep -m3 -E 'ERROR: |runtime error:|fuzz check failed' "$log" | sed 's/^/  /' || true
  fi
done

printf '\n%s\n' "${summary[@]}"
printf 'total: %s executions, %s findings (history: %s)\n' "$total_execs" "$total_findings" "$history"
[ $total_findings -eq 0 ]
