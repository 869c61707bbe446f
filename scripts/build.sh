#!/usr/bin/env bash
# scripts/build.sh: configure (if needed) and build closureviz. Assumes scripts/setup.sh has run.
#
#   scripts/build.sh [native|web|all] [TARGET...]     (default: all)
#     native  cvcore, closureviz (CLI), closureviz-desktop, unit tests   -> $CV_BUILD/native
#     web     cvcore + the browser page                                  -> $CV_BUILD/web/site
# Extra arguments name ninja targets to build instead of everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in native|web|all) ;; *) cv_die "usage: scripts/build.sh [native|web|all] [TARGET...]";; esac
targets=()
for t in "$@"; do targets+=(--target "$t"); done

# configure DIR ARGS...: (re)configure when DIR has no build tree yet or ARGS changed since last time.
configure() {
  local dir="$1"; shift
  local stamp="$dir/.closureviz-configure-args" args="$*"
  if [ -f "$dir/build.ninja" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$args" ]; then return; fi
  cv_log "configure $dir"
  rm -f "$stamp"
  "$@" -S "$CV_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log" >&2; cv_die "configure failed (log: $dir.configure.log)"; }
  printf '%s' "$args" > "$stamp"
}

# CV_WASM_UNIT_TESTS=1: also build the unit tests with em++ and run them under node (ctest
# unit_wasm), since the web page runs core/ as wasm32. Off by default for now: it costs a second
# compile of every test file, and it currently fails on deep recursion in core (see README).
wasm_tests="${CV_WASM_UNIT_TESTS:-0}"

build_native() {
  local wasm_js=""
  [ "$wasm_tests" = 1 ] && wasm_js="$CV_BUILD_WEB/tests/cv_unit_tests.js"
  configure "$CV_BUILD_NATIVE" cmake \
    -DCV_WEB_SITE_DIR="$CV_BUILD_WEB/site" -DCV_NODE_MODULES="$CV_NODE/node_modules" \
    -DCV_WASM_UNIT_TESTS_JS="$wasm_js" -DCV_SANITIZER_TEST="${CV_SANITIZER_TEST:-1}" -DCV_TRACE_CORPUS_TEST="${CV_TRACE_CORPUS_TEST:-0}"
  cv_log "build native ($CV_BUILD_NATIVE)"
  cmake --build "$CV_BUILD_NATIVE" -j "$CV_JOBS" "${targets[@]}"
}

build_web() {
  [ -f "$CV_SDL2_WASM/lib/cmake/SDL2/SDL2Config.cmake" ] || cv_die "SDL2 for wasm missing: run scripts/setup.sh web"
  local tests=OFF
  [ "$wasm_tests" = 1 ] && tests=ON
  configure "$CV_BUILD_WEB" emcmake cmake \
    -DCV_IMGUI_SRC_DIR="$CV_IMGUI_SRC" -DSDL2_DIR="$CV_SDL2_WASM/lib/cmake/SDL2" \
    -DCV_BUILD_TESTS=$tests -DCMAKE_CROSSCOMPILING_EMULATOR="$(command -v node);--no-experimental-fetch"
  cv_log "build web ($CV_BUILD_WEB)"
  cmake --build "$CV_BUILD_WEB" -j "$CV_JOBS" "${targets[@]}"
}

# One build at a time per build tree (several engineers may share a clone and its build dirs).
mkdir -p "$CV_BUILD"
exec 9>"$CV_BUILD/.build.lock"
if ! flock -n 9; then
  cv_log "waiting for another build in $CV_BUILD to finish"
  flock 9
fi

case "$what" in
  native) build_native ;;
  web) build_web ;;
  all) build_native; build_web ;;
esac
