#!/usr/bin/env bash
# scripts/run.sh: install what is missing, build, and start closureviz.
#
#   scripts/run.sh                  serve the browser page on http://127.0.0.1:8000 (PORT=... to change)
#   scripts/run.sh --desktop [ARGS] build and start the desktop app (ARGS go to closureviz-desktop)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${1:-}" = "--desktop" ]; then
  shift
  "$CV_ROOT/scripts/setup.sh" apt
  "$CV_ROOT/scripts/build.sh" native closureviz-desktop
  exe="$CV_BUILD_NATIVE/ui/closureviz-desktop"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    cv_log "no DISPLAY set: the window needs a display (try: xvfb-run -a scripts/run.sh --desktop --frames 5 --screenshot out.png)"
  fi
  cv_log "starting $exe $*"
  exec "$exe" "$@"
fi
[ $# -eq 0 ] || cv_die "usage: scripts/run.sh [--desktop [ARGS...]]"

"$CV_ROOT/scripts/setup.sh" apt web
"$CV_ROOT/scripts/build.sh" web closureviz-web
exec python3 "$CV_ROOT/scripts/serve.py" "$CV_BUILD_WEB/site" "${PORT:-8000}"
