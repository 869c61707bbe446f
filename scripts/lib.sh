# scripts/lib.sh: shared paths and helpers for setup.sh, build.sh, run.sh and test.sh.
# Sourced, never executed. Every path outside the clone hangs off CV_CACHE.
#
# Environment overrides:
#   CLOSUREVIZ_CACHE   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/closureviz)
#   CLOSUREVIZ_BUILD   build root for this clone (default $CLOSUREVIZ_CACHE/build/<clone>-<hash>)
#   CLOSUREVIZ_JOBS    parallel build jobs (default 2: the machines have 2 cores)

CV_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
CV_CACHE="${CLOSUREVIZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/closureviz}"
mkdir -p "$CV_CACHE"
CV_CACHE="$(cd "$CV_CACHE" && pwd -P)"

# One build root per clone: CMake refuses a build dir configured for another source dir,
# and CI clones into a new folder on a machine whose cache may already hold our builds.
_cv_key="$(basename "$CV_ROOT")-$(printf '%s' "$CV_ROOT" | sha1sum | cut -c1-8)"
CV_BUILD="${CLOSUREVIZ_BUILD:-$CV_CACHE/build/$_cv_key}"
CV_BUILD_NATIVE="$CV_BUILD/native"
CV_BUILD_WEB="$CV_BUILD/web"

CV_DEBSRC="$CV_CACHE/debsrc"          # apt's private lists + downloaded Debian source packages
CV_IMGUI_SRC="$CV_CACHE/src/imgui-1.86"  # Dear ImGui sources, unpacked (compiled by the web build)
CV_SDL2_SRC="$CV_CACHE/src/SDL2-2.26.5"  # SDL2 sources, unpacked
CV_SDL2_WASM="$CV_CACHE/sdl2-wasm"    # SDL2 built with em++, install prefix
CV_NODE="$CV_CACHE/node"              # npm project holding playwright-core (node_modules/)

CV_JOBS="${CLOSUREVIZ_JOBS:-2}"

# Debian's emscripten needs its node modules (acorn) on NODE_PATH.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

if [ -t 2 ]; then
  cv_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
else
  cv_log() { printf '==> %s\n' "$*" >&2; }
fi
cv_die()  { printf 'error: %s\n' "$*" >&2; exit 1; }
cv_time() { date +%s; }
