#!/usr/bin/env bash
# scripts/setup.sh: install whatever closureviz needs that is missing; idempotent and quick when done.
#
#   scripts/setup.sh [STEP...]     steps: apt web npm   (default: all three)
#     apt  Debian packages (compilers, emscripten, SDL2, Dear ImGui, Catch2, fonts, Xvfb, Chromium)
#     web  Debian source packages imgui + libsdl2 unpacked into the cache, SDL2 built with em++
#     npm  playwright-core (drives Debian's Chromium in the browser smoke test)
#     fuzz clang + libFuzzer for scripts/fuzz.sh (only when asked for)
#
# Nothing is written into the clone: sources, builds and node_modules live under $CLOSUREVIZ_CACHE.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config git ca-certificates xz-utils python3 emscripten
  # libraries (header-only ones included)
  libimgui-dev libstb-dev libsdl2-dev catch2 nlohmann-json3-dev libcli11-dev libboost-dev
  # fonts copied into the builds; pyftsubset cuts the web page's copies to the glyphs the app draws
  fonts-jetbrains-mono fonts-dejavu-core fonttools
  # desktop smoke test (Mesa's llvmpipe gives OpenGL under Xvfb); xdotool types into the app and
  # xclip reads and fills the X clipboard, python3-xlib drags a file onto the window (desktop_ui)
  xvfb xauth libgl1-mesa-dri xdotool xclip python3-xlib
  # browser smoke test
  chromium
)
PLAYWRIGHT_VERSION="1.60.0"   # drives Debian's Chromium 156 and runs on Debian's Node 18 (1.62+ need Node 20)
SDL2_RECIPE="SDL2-2.26.5 static nothreads Release v1"   # change to force a rebuild of the cached SDL2

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else cv_die "need root to run: $*"
  fi
}

step_apt() {
  local wanted=("${APT_PACKAGES[@]}") missing=() p
  # Node and npm may come from Debian or from another vendor's nodejs package (which bundles npm);
  # only ask Debian for them when the commands are absent.
  command -v node >/dev/null || wanted+=(nodejs)
  command -v npm >/dev/null || wanted+=(npm)
  local installed
  installed="$(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null \
               | awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }' || true)"
  for p in "${wanted[@]}"; do
    grep -qxF "$p" <<<"$installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    cv_log "apt: all ${#wanted[@]} packages present"
    return
  fi
  cv_log "apt: installing ${missing[*]}"
  local opts=(-y -q -o DPkg::Lock::Timeout=900)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${opts[@]}" install "${missing[@]}"
}

# Fetch Debian source packages with apt's ordinary client and a private configuration,
# leaving the system's sources, lists and caches alone.
fetch_debian_sources() {
  local d="$CV_DEBSRC"
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$d/sources.d" "$d/download"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    > "$d/sources.d/src.sources"
  local a=(-q -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$d/sources.d"
           -o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d/cache" -o APT::Sandbox::User=root)
  if ! ls "$d"/download/imgui_1.86*.orig.tar.* "$d"/download/libsdl2_2.26.5*.orig.tar.* >/dev/null 2>&1; then
    cv_log "web: downloading Debian source packages imgui and libsdl2"
    apt-get "${a[@]}" update
    (cd "$d/download" && apt-get "${a[@]}" source --download-only imgui libsdl2)
  fi
}

unpack() {  # unpack TARBALL DEST: DEST is the tarball's single top-level directory, renamed
  local tarball="$1" dest="$2" tmp
  tmp="$(mktemp -d "$CV_CACHE/src/.unpack.XXXXXX")"
  tar --no-same-owner -xf "$tarball" -C "$tmp"
  rm -rf "$dest"
  mv "$tmp"/* "$dest"
  rmdir "$tmp"
}

step_web() {
  command -v emcmake >/dev/null || cv_die "emcmake not found; run 'scripts/setup.sh apt' first"
  mkdir -p "$CV_CACHE/src"
  local need_imgui=0 need_sdl=0
  [ -f "$CV_IMGUI_SRC/imgui.cpp" ] && [ -f "$CV_IMGUI_SRC/backends/imgui_impl_sdl.cpp" ] || need_imgui=1
  [ -f "$CV_SDL2_WASM/.recipe" ] && [ "$(cat "$CV_SDL2_WASM/.recipe")" = "$SDL2_RECIPE" ] || need_sdl=1
  if [ $need_imgui -eq 0 ] && [ $need_sdl -eq 0 ]; then
    cv_log "web: Dear ImGui sources and SDL2 for wasm present in $CV_CACHE"
    return
  fi
  fetch_debian_sources
  if [ $need_imgui -eq 1 ]; then
    cv_log "web: unpacking Dear ImGui 1.86 into $CV_IMGUI_SRC"
    unpack "$(ls "$CV_DEBSRC"/download/imgui_1.86*.orig.tar.*)" "$CV_IMGUI_SRC"
  fi
  if [ $need_sdl -eq 1 ]; then
    cv_log "web: building SDL2 2.26.5 with em++ into $CV_SDL2_WASM (configure alone takes minutes, once)"
    local t0; t0=$(cv_time)
    unpack "$(ls "$CV_DEBSRC"/download/libsdl2_2.26.5*.orig.tar.*)" "$CV_SDL2_SRC"
    local b="$CV_CACHE/src/sdl2-wasm-build"
    rm -rf "$b" "$CV_SDL2_WASM"
    emcmake cmake -S "$CV_SDL2_SRC" -B "$b" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$CV_SDL2_WASM" \
      -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF \
      > "$CV_CACHE/src/sdl2-wasm-configure.log" 2>&1 \
      || { tail -40 "$CV_CACHE/src/sdl2-wasm-configure.log" >&2; cv_die "SDL2 wasm configure failed (log: $CV_CACHE/src/sdl2-wasm-configure.log)"; }
    cmake --build "$b" -j "$CV_JOBS" > "$CV_CACHE/src/sdl2-wasm-build.log" 2>&1 \
      || { tail -40 "$CV_CACHE/src/sdl2-wasm-build.log" >&2; cv_die "SDL2 wasm build failed (log: $CV_CACHE/src/sdl2-wasm-build.log)"; }
    cmake --install "$b" > /dev/null
    printf '%s\n' "$SDL2_RECIPE" > "$CV_SDL2_WASM/.recipe"
    rm -rf "$b"
    cv_log "web: SDL2 for wasm ready ($(( $(cv_time) - t0 )) s)"
  fi
}

step_npm() {
  local pkg="$CV_NODE/node_modules/playwright-core/package.json"
  if [ -f "$pkg" ] && grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$pkg"; then
    cv_log "npm: playwright-core $PLAYWRIGHT_VERSION present in $CV_NODE"
    return
  fi
  cv_log "npm: installing playwright-core $PLAYWRIGHT_VERSION into $CV_NODE (no browser download)"
  mkdir -p "$CV_NODE"
  printf '{ "name": "closureviz-test-tools", "private": true, "dependencies": { "playwright-core": "%s" } }\n' \
    "$PLAYWRIGHT_VERSION" > "$CV_NODE/package.json"
  (cd "$CV_NODE" && npm install --no-audit --no-fund --loglevel=error)
}

# Only for scripts/fuzz.sh (not a default step): clang and its libFuzzer + sanitizer runtimes.
step_fuzz() {
  local wanted=(clang libclang-rt-14-dev) missing=() p
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    cv_log "fuzz: clang and libFuzzer present"
    return
  fi
  cv_log "fuzz: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=900 update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=900 install "${missing[@]}"
}

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(apt web npm)
for s in "${steps[@]}"; do
  case "$s" in apt|web|npm|fuzz) ;; *) cv_die "unknown setup step '$s' (expected: apt web npm fuzz)";; esac
done

# Serialise concurrent setups (e.g. run.sh and test.sh started together) on the shared cache.
exec 9>"$CV_CACHE/.setup.lock"
flock 9
for s in "${steps[@]}"; do "step_$s"; done
