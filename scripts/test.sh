#!/usr/bin/env bash
# scripts/test.sh: install what is missing, build native and web, run every test with ctest.
# The last lines printed are ctest's summary; the exit code is ctest's.
#
#   scripts/test.sh [CTEST_ARGS...]       e.g. scripts/test.sh -R cli
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# One test run at a time per build tree: the smoke tests write fixed output files.
mkdir -p "$CV_BUILD"
exec 8>"$CV_BUILD/.test.lock"
if ! flock -n 8; then
  cv_log "waiting for another scripts/test.sh on $CV_BUILD to finish"
  flock 8
fi

t0=$(cv_time)
"$CV_ROOT/scripts/setup.sh"
t1=$(cv_time)
"$CV_ROOT/scripts/build.sh" native
"$CV_ROOT/scripts/build.sh" web
t2=$(cv_time)
cv_log "setup $((t1 - t0)) s, build $((t2 - t1)) s; running ctest in $CV_BUILD_NATIVE"

cd "$CV_BUILD_NATIVE"
exec ctest --output-on-failure -j "$CV_JOBS" "$@"
