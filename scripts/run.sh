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
port="${PORT:-8000}"
site="$CV_BUILD_WEB/site"
if python3 -c "import socket,sys; s=socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1])))" "$port" 2>/dev/null; then :
else cv_die "port $port on 127.0.0.1 is in use: stop what uses it, or run PORT=8001 scripts/run.sh"
fi
echo
echo "closureviz: serving $site"
echo "closureviz: open http://127.0.0.1:$port/ in a browser (Ctrl-C to stop)"
echo
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
