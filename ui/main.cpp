// Platform glue for the desktop app and the browser page (one main for both, as in ImGui's own
// SDL2 + OpenGL3 example): SDL2 window, GL context, ImGui backends, the main loop, and on
// desktop --frames/--screenshot for tests; on the web, canvas sizing and functions exported to JS.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#define SDL_MAIN_HANDLED
#include <SDL.h>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"
#include "core/version.h"
#include "imgui.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/settings.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#else
#include <SDL_opengl.h>
#include "ui/screenshot.h"
#endif

namespace {

struct Options {
  int width = 1280;
  int height = 720;
  bool size_given = false;
  int frames = 0;          // > 0: quit after rendering this many frames (a scripted run: no settings read or written)
  std::string screenshot;  // non-empty: write the last frame there as PNG
  std::string file;        // FILE.py to open
  long step = 0;           // --step K (0: the first step)
  std::string view;        // --view env|cells
  std::string theme;       // --theme light|dark|projector
  float font_scale = 0;    // --font-scale F (0: from the settings)
  bool presentation = false;
  std::string dump_diagram;  // --dump-diagram out.json: the drawn diagram of the last frame (and on SIGUSR1)
  bool scrub = false;        // --scrub: step forward every frame and report frame times
  bool bench = false;        // --bench-frames: alternate between --step K and K-1 every frame, report times
};

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  cv::ui::App* app = nullptr;
  Options options;
  int frame = 0;      // frames rendered so far
  bool done = false;  // set by a quit event or when options.frames is reached
  int exit_code = 0;
  std::string font_dir;
  float pixel_scale = 1.0f;
  bool fonts_partial = false;  // the atlas holds only the first frame's glyphs (browser start-up)
  double last_drawn_ms = 0;    // browser: when the canvas was last drawn (emscripten_get_now)
  // --scrub, --bench-frames: per frame, CPU ms of the UI (ImGui frame: layout + every draw list),
  // of the diagram's layout and of its draw list, and the whole frame's wall time including GL.
  std::vector<double> ui_ms, layout_ms, diagram_ms, frame_ms;
};

Platform* g_platform = nullptr;  // for the exported JS functions only

#ifndef __EMSCRIPTEN__
// Test hook: with --dump-diagram, SIGUSR1 asks for a dump of the next frame (a desktop test reads
// the app's state between the keys and clicks it sends). Only a flag is set in the handler.
volatile std::sig_atomic_t g_dump_requested = 0;
extern "C" void request_dump(int) { g_dump_requested = 1; }
int g_dump_serial = 0;

void write_dump(Platform& p) {
  // Written beside, then renamed: a test polling the file never reads half of it.
  const std::string tmp = p.options.dump_diagram + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    std::string dump = p.app->dump_diagram_json();
    // The serial tells a test that this dump answers its request; it goes before the final "}\n".
    dump.resize(dump.size() - 2);
    dump += ",\"serial\":" + std::to_string(++g_dump_serial) + ",\"frame\":" + std::to_string(p.frame) + "}\n";
    if (!(out << dump)) {
      std::fprintf(stderr, "closureviz-desktop: cannot write %s\n", tmp.c_str());
      p.exit_code = 1;
      return;
    }
  }
  std::rename(tmp.c_str(), p.options.dump_diagram.c_str());
}
#endif

#ifdef __EMSCRIPTEN__
// The canvas is sized by CSS (100% of its container); keep SDL's window size equal to its CSS
// size so that SDL sets the backing store to CSS size x devicePixelRatio (SDL_WINDOW_ALLOW_HIGHDPI).
void sync_canvas_size(SDL_Window* window) {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  int w = 0, h = 0;
  SDL_GetWindowSize(window, &w, &h);
  int drawable_w = 0, drawable_h = 0;
  SDL_GL_GetDrawableSize(window, &drawable_w, &drawable_h);
  const double dpr = emscripten_get_device_pixel_ratio();
  // Rounded like the element's clientWidth/clientHeight: a panel in a page can have a fractional CSS size.
  const int want_w = static_cast<int>(css_w + 0.5), want_h = static_cast<int>(css_h + 0.5);
  if (want_w > 0 && want_h > 0 &&
      (want_w != w || want_h != h || drawable_w != static_cast<int>(want_w * dpr))) {
    SDL_SetWindowSize(window, want_w, want_h);
  }
}
#endif

#ifdef __EMSCRIPTEN__
// The browser may take the WebGL context away (GPU reset, too many contexts, a driver update) and
// give it back later. While it is lost, GL calls do nothing and the app goes on recording and
// answering the page; when it comes back every GL object made before is gone, so the renderer's
// shaders, buffers and font texture are made again before the next frame is drawn.
bool g_gl_context_lost = false;
bool g_gl_context_restored = false;

extern "C" {
EMSCRIPTEN_KEEPALIVE void cv_gl_context_lost() { g_gl_context_lost = true; }
EMSCRIPTEN_KEEPALIVE void cv_gl_context_restored() {
  g_gl_context_lost = false;
  g_gl_context_restored = true;
}
}

// While a program is being recorded the page shows the progress in the DOM, and the canvas would
// only change its step count. Drawing it twice a second leaves the time to the recording:
// each drawn frame costs the app's draw and the browser's compositing of the canvas (under software
// WebGL a read-back of the whole canvas, over 100 ms on a busy machine). A frame that is not drawn
// still records (as a drawn frame does), so a recording started inside the canvas goes on too.
constexpr double kRecordingRedrawMs = 500;
constexpr double kRecordingPerSkippedFrameMs = 12;
#endif

void render_frame(Platform& p) {
#ifdef __EMSCRIPTEN__
  if (g_gl_context_lost) {  // nothing can be drawn: keep the recording going, nothing else
    if (p.app->recording()) p.app->continue_recording(kRecordingPerSkippedFrameMs);
    return;
  }
  if (g_gl_context_restored) {
    g_gl_context_restored = false;
    // A fresh renderer backend: DestroyDeviceObjects() alone would keep the backend's idea of how
    // big its vertex and index buffers are, and the new, empty buffers would never be sized.
    // Shutdown only deletes the stale names (WebGL ignores that); the next NewFrame makes the
    // shaders, buffers and the font atlas's texture again.
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
  }
  if (p.app->recording() && emscripten_get_now() - p.last_drawn_ms < kRecordingRedrawMs) {
    p.app->continue_recording(kRecordingPerSkippedFrameMs);
    return;
  }
  p.last_drawn_ms = emscripten_get_now();
#endif
  // ImGui 1.86 sees keys as a down/up array sampled once per frame, so a key pressed and released
  // between two frames (a quick tap, a presentation clicker, a slow frame) would be lost: a key-up
  // arriving in the same frame as its key-down is held back to the next frame.
  static std::vector<SDL_Event> held_back;
  std::vector<SDL_Event> incoming;
  incoming.swap(held_back);
  for (SDL_Event event; SDL_PollEvent(&event);) incoming.push_back(event);
  std::vector<SDL_Event> events;
  // A key may change state once per frame: a key-up after its key-down, or a key-down after its
  // key-up, in the same frame would make the press invisible to ImGui.
  std::vector<SDL_Scancode> changed_now;
  bool deferring = false;  // once one event waits for the next frame, all later ones do (order kept)
  for (const SDL_Event& event : incoming) {
    const bool is_key = event.type == SDL_KEYDOWN || event.type == SDL_KEYUP;
    if (!deferring && is_key &&
        std::find(changed_now.begin(), changed_now.end(), event.key.keysym.scancode) != changed_now.end()) {
      deferring = true;
    }
    if (deferring) {
      held_back.push_back(event);
      continue;
    }
    if (is_key) changed_now.push_back(event.key.keysym.scancode);
    events.push_back(event);
  }
  for (SDL_Event& event : events) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
      // The backend reads modifiers from SDL_GetModState(), the state after every queued event;
      // the event's own modifiers are the ones held when this key moved (Ctrl+Q sent at once by
      // a script, or a key-up held back above, would otherwise lose its Ctrl).
      ImGuiIO& io = ImGui::GetIO();
      const Uint16 mod = event.key.keysym.mod;
      io.KeyShift = (mod & KMOD_SHIFT) != 0;
      io.KeyCtrl = (mod & KMOD_CTRL) != 0;
      io.KeyAlt = (mod & KMOD_ALT) != 0;
      io.KeySuper = (mod & KMOD_GUI) != 0;
    }
    if (event.type == SDL_QUIT) p.done = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(p.window)) {
      p.done = true;
    }
    if (event.type == SDL_DROPFILE && event.drop.file) {
      p.app->on_file_dropped(event.drop.file);
      SDL_free(event.drop.file);
    }
  }
#ifdef __EMSCRIPTEN__
  sync_canvas_size(p.window);
#endif
  // Font scale changed: rasterise the fonts again at the new size (crisp text, no bitmap scaling).
  // In the browser the first frame had a small atlas (ASCII and the app's symbols): the second
  // completes it.
  const bool complete_fonts = p.fonts_partial && p.frame >= 1;
  if (p.app->take_font_request() || complete_fonts) {
    p.fonts_partial = false;
    cv::ui::Fonts fonts = cv::ui::load_fonts(p.font_dir, p.pixel_scale, p.app->font_scale());
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    p.app->set_fonts(fonts);
  }
  if (p.options.scrub && p.app->step_count() > 0) {
    p.app->set_step(p.app->step() >= p.app->step_count() ? 1 : p.app->step() + 1);
  }
  if (p.options.bench && p.frame > 0) {
    const auto k = static_cast<std::uint32_t>(p.options.step);
    p.app->set_step(p.app->step() == k ? k - 1 : k);
  }

  const auto t0 = std::chrono::steady_clock::now();
#ifndef __EMSCRIPTEN__
  timespec cpu0{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu0);
#endif
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // Headless browsers with virtual time can deliver two frames with the same timestamp;
  // ImGui 1.86 asserts on a zero delta.
  ImGuiIO& io = ImGui::GetIO();
  if (!(io.DeltaTime > 0.0f)) io.DeltaTime = 1.0f / 600.0f;
  ImGui::NewFrame();
  p.app->draw();
  ImGui::Render();
  const auto t1 = std::chrono::steady_clock::now();
#ifndef __EMSCRIPTEN__
  timespec cpu1{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu1);
#endif

  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(p.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++p.frame;

#ifndef __EMSCRIPTEN__
  if (p.options.scrub || p.options.bench) {
    glFinish();  // include the GPU's (here: Mesa's software rasteriser's) work in the frame time
    const auto t2 = std::chrono::steady_clock::now();
    p.ui_ms.push_back(static_cast<double>(cpu1.tv_sec - cpu0.tv_sec) * 1e3 + static_cast<double>(cpu1.tv_nsec - cpu0.tv_nsec) / 1e6);
    p.layout_ms.push_back(p.app->last_layout_ms());
    p.diagram_ms.push_back(p.app->last_diagram_draw_ms());
    p.frame_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
  }
  if (p.options.frames > 0 && p.frame >= p.options.frames) p.done = true;
  // The outputs of a scripted run are written from its last frame, however it ended (frame count
  // reached, or Ctrl+Q / window closed by a test driving the keyboard).
  if (p.done && p.options.frames > 0) {
    if (!p.options.screenshot.empty()) {
      // Read the back buffer before the swap: its contents are undefined afterwards.
      if (!cv::ui::write_screenshot_png(p.options.screenshot, fb_w, fb_h)) p.exit_code = 1;
    }
    if (!p.options.dump_diagram.empty()) {
      std::ofstream out(p.options.dump_diagram, std::ios::binary | std::ios::trunc);
      if (!(out << p.app->dump_diagram_json())) {
        std::fprintf(stderr, "closureviz-desktop: cannot write %s\n", p.options.dump_diagram.c_str());
        p.exit_code = 1;
      }
    }
    p.done = true;
  }
  // An interactive run with --dump-diagram: a dump when a test asks (SIGUSR1), and one at the end.
  if (p.options.frames == 0 && !p.options.dump_diagram.empty() && (g_dump_requested || p.done)) {
    g_dump_requested = 0;
    write_dump(p);
  }
#else
  (void)t1;
#endif
  SDL_GL_SwapWindow(p.window);

#ifdef __EMSCRIPTEN__
  if (p.frame == 1) {
    // The first frame is on screen: tell the page (and the browser smoke test).
    EM_ASM({
      window.closurevizReady = true;
      if (Module.onClosurevizReady) Module.onClosurevizReady();
    });
  }
#endif
}

#ifdef __EMSCRIPTEN__
void main_loop_step(void* arg) { render_frame(*static_cast<Platform*>(arg)); }
#endif

int usage(const char* error) {
  std::FILE* out = error ? stderr : stdout;
  if (error) std::fprintf(stderr, "closureviz-desktop: %s\n", error);
  std::fprintf(out,
               "usage: closureviz-desktop [FILE.py] [--step K] [--view env|cells] [options]\n"
               "  FILE.py               the program to open (default: the built-in adder example)\n"
               "  --step K              show step K (steps numbered as in `closureviz trace`)\n"
               "  --view env|cells      environment diagram or CPython's cells\n"
               "  --theme NAME          light, dark or projector\n"
               "  --font-scale F        text size factor (0.5 .. 3)\n"
               "  --presentation        start in presentation mode (F5)\n"
               "  --size WxH            window size in pixels (default 1280x720)\n"
               "  --frames N            quit after N frames (no settings are read or written)\n"
               "  --screenshot FILE     with --frames: save the last frame as PNG\n"
               "  --dump-diagram FILE   write the diagram drawn in the last frame and the app's state as JSON\n"
               "                        (without --frames: also whenever the app gets SIGUSR1; for tests)\n"
               "  --scrub               with --frames: step forward every frame, print frame times\n"
               "  --bench-frames        with --frames and --step K: show steps K and K-1 in turn, print frame times\n");
  return error ? 2 : 0;
}

// Returns -1 to continue, or an exit code.
int parse_options(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--help" || arg == "-h") return usage(nullptr);
    if (arg == "--version") {
      std::printf("closureviz-desktop %s\n", cv::version());
      return 0;
    }
    if (arg == "--frames" && has_value) {
      o.frames = std::atoi(argv[++i]);
      if (o.frames <= 0) return usage("--frames needs a positive number");
    } else if (arg == "--screenshot" && has_value) {
      o.screenshot = argv[++i];
    } else if (arg == "--dump-diagram" && has_value) {
      o.dump_diagram = argv[++i];
    } else if (arg == "--size" && has_value) {
      if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2 || o.width <= 0 || o.height <= 0) {
        return usage("--size needs WIDTHxHEIGHT, e.g. 1280x720");
      }
      o.size_given = true;
    } else if (arg == "--step" && has_value) {
      char* end = nullptr;
      o.step = std::strtol(argv[++i], &end, 10);
      if (!end || *end || o.step <= 0) return usage("--step needs a positive step number");
    } else if (arg == "--view" && has_value) {
      o.view = argv[++i];
      if (o.view != "env" && o.view != "cells") return usage("--view is env or cells");
    } else if (arg == "--theme" && has_value) {
      o.theme = argv[++i];
      cv::ui::ThemeKind kind;
      if (!cv::ui::parse_theme(o.theme, &kind)) return usage("--theme is light, dark or projector");
    } else if (arg == "--font-scale" && has_value) {
      char* end = nullptr;
      o.font_scale = std::strtof(argv[++i], &end);
      if (!end || *end || !(o.font_scale >= 0.5f && o.font_scale <= 3.0f)) return usage("--font-scale needs a number from 0.5 to 3");
    } else if (arg == "--presentation") {
      o.presentation = true;
    } else if (arg == "--scrub") {
      o.scrub = true;
    } else if (arg == "--bench-frames") {
      o.bench = true;
    } else if (!arg.empty() && arg[0] != '-' && o.file.empty()) {
      o.file = arg;
    } else {
      return usage(("unknown or incomplete option: " + arg).c_str());
    }
  }
  if (!o.screenshot.empty() && o.frames <= 0) return usage("--screenshot needs --frames N");
  if (o.scrub && o.frames <= 0) return usage("--scrub needs --frames N");
  if (o.bench && (o.frames <= 0 || o.step < 2 || o.scrub)) return usage("--bench-frames needs --frames N and --step K (K >= 2), without --scrub");
  return -1;
}

#ifdef __EMSCRIPTEN__
// The browser clipboard. Copy writes through navigator.clipboard (allowed on localhost and https);
// reading it is asynchronous, so a paste is taken from the page's `paste` event instead and typed
// into ImGui as text (ImGui's own Ctrl+V then reads an empty clipboard and adds nothing).
EM_JS(void, cv_js_write_clipboard, (const char* text), {
  const s = UTF8ToString(text);
  try { if (navigator.clipboard) navigator.clipboard.writeText(s).catch(() => {}); } catch (e) {}
});
EM_JS(void, cv_js_listen_paste, (), {
  document.addEventListener('paste', (event) => {
    const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
    // Only pastes aimed at the canvas: the page's own text fields (the tutorial's playground) keep theirs.
    if (!text || (event.target !== Module.canvas && document.activeElement !== Module.canvas)) return;
    event.preventDefault();
    Module.ccall('cv_paste_text', null, ['string'], [text]);
  });
});

void set_clipboard_text(void*, const char* text) { cv_js_write_clipboard(text); }
const char* get_clipboard_text(void*) { return ""; }
#endif

void install_clipboard() {
#ifdef __EMSCRIPTEN__
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = set_clipboard_text;
  io.GetClipboardTextFn = get_clipboard_text;
  cv_js_listen_paste();
#endif
  // Desktop: ImGui's SDL backend already routes the clipboard to SDL's (the system clipboard).
}

std::string font_dir() {
#ifdef __EMSCRIPTEN__
  return "/fonts";  // packaged into closureviz.data with --preload-file
#else
  std::string dir = ".";
  if (char* base = SDL_GetBasePath()) {  // the binary's directory, with a trailing slash
    dir = base;
    SDL_free(base);
  }
  return dir + "fonts";
#endif
}

}  // namespace

#ifdef __EMSCRIPTEN__
extern "C" {
// Exported to JavaScript: Module.ccall('cv_version', 'string', [], []).
EMSCRIPTEN_KEEPALIVE const char* cv_version() { return cv::version(); }
// Frames rendered so far (tests wait for progress before taking screenshots).
EMSCRIPTEN_KEEPALIVE int cv_frame_count() { return g_platform ? g_platform->frame : 0; }
// Called by the page's paste listener: the pasted text is typed into whatever ImGui text field has focus.
EMSCRIPTEN_KEEPALIVE void cv_paste_text(const char* text) {
  if (text && ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput) ImGui::GetIO().AddInputCharactersUTF8(text);
}
}
#endif

int main(int argc, char** argv) {
  Platform p;
  if (const int code = parse_options(argc, argv, p.options); code >= 0) return code;

  SDL_SetMainReady();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "closureviz: SDL_Init failed: %s\n", SDL_GetError());
    return 1;
  }

#ifdef __EMSCRIPTEN__
  // WebGL 2 = OpenGL ES 3.0.
  const char* glsl_version = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  const char* glsl_version = "#version 130";
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);

  // Remembered settings: desktop only, and never in scripted runs (tests must not depend on them).
  const bool use_settings_file =
#ifdef __EMSCRIPTEN__
      false;
#else
      p.options.frames == 0 && !cv::ui::config_dir().empty();
#endif
  const std::string settings_path = use_settings_file ? cv::ui::config_dir() + "/settings.ini" : std::string();
  cv::ui::Settings settings = use_settings_file ? cv::ui::load_settings(settings_path) : cv::ui::Settings();
  if (use_settings_file && !p.options.size_given) {
    p.options.width = settings.window_width;
    p.options.height = settings.window_height;
  }
  if (!p.options.theme.empty()) settings.theme = p.options.theme;
  if (p.options.font_scale > 0) settings.font_scale = p.options.font_scale;
  if (!p.options.view.empty()) settings.view = p.options.view;

  const std::string title = std::string("closureviz ") + cv::version();
  auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (use_settings_file && settings.maximized) flags = static_cast<SDL_WindowFlags>(flags | SDL_WINDOW_MAXIMIZED);
  p.window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              p.options.width, p.options.height, flags);
  if (!p.window) {
    std::fprintf(stderr, "closureviz: cannot create a window: %s\n", SDL_GetError());
    return 1;
  }
  p.gl = SDL_GL_CreateContext(p.window);
  if (!p.gl) {
    std::fprintf(stderr, "closureviz: cannot create an OpenGL context: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(p.window, p.gl);
  SDL_GL_SetSwapInterval(p.options.frames > 0 ? 0 : 1);  // test runs need no vsync

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  // ImGui's own ini (dialog sizes) next to the settings file; none in scripted runs or the browser.
  static std::string imgui_ini;
  imgui_ini = use_settings_file ? cv::ui::config_dir() + "/imgui.ini" : std::string();
  ImGui::GetIO().IniFilename = imgui_ini.empty() ? nullptr : imgui_ini.c_str();
  // Scripted runs ignore the pointer: Xvfb parks it mid-screen, where it would hover the diagram.
  if (p.options.frames > 0) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouse;
  ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
  ImGui_ImplOpenGL3_Init(glsl_version);

  int win_w = 0, win_h = 0, fb_w = 0, fb_h = 0;
  SDL_GetWindowSize(p.window, &win_w, &win_h);
  SDL_GL_GetDrawableSize(p.window, &fb_w, &fb_h);
#ifdef __EMSCRIPTEN__
  const float pixel_scale = static_cast<float>(emscripten_get_device_pixel_ratio());
#else
  const float pixel_scale = win_w > 0 ? static_cast<float>(fb_w) / static_cast<float>(win_w) : 1.0f;
#endif
  p.pixel_scale = pixel_scale > 0.0f ? pixel_scale : 1.0f;
  p.font_dir = font_dir();
  install_clipboard();

  cv::ui::PlatformHooks hooks;
  hooks.set_fullscreen = [&p](bool on) {
#ifdef __EMSCRIPTEN__
    (void)p;
    (void)on;  // the page decides about full screen (the browser requires a user gesture)
#else
    SDL_SetWindowFullscreen(p.window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
#endif
  };
  hooks.quit = [&p]() { p.done = true; };
  hooks.key_f5 = SDL_SCANCODE_F5;
  hooks.key_equals = SDL_SCANCODE_EQUALS;
  hooks.key_minus = SDL_SCANCODE_MINUS;
  hooks.key_kp_plus = SDL_SCANCODE_KP_PLUS;
  hooks.key_kp_minus = SDL_SCANCODE_KP_MINUS;
  hooks.key_0 = SDL_SCANCODE_0;
  hooks.key_o = SDL_SCANCODE_O;
  hooks.key_s = SDL_SCANCODE_S;
  hooks.key_q = SDL_SCANCODE_Q;
#ifdef __EMSCRIPTEN__
  hooks.record_example_at_start = false;  // the page loads its first program after the first frame
#endif
#ifdef __EMSCRIPTEN__
  // The page's first frame comes sooner with a quarter of the glyphs; the next frame adds the rest.
  p.fonts_partial = true;
#endif
  cv::ui::App app(cv::ui::load_fonts(p.font_dir, p.pixel_scale, settings.font_scale, p.fonts_partial), settings, hooks);
  p.app = &app;
  cv::ui::set_active_app(&app);
  g_platform = &p;

  // Command-line requests, in order: the file, the view, the step, presentation.
  if (!p.options.file.empty()) {
    std::string error;
    if (!app.open_file(p.options.file, &error)) {
      std::fprintf(stderr, "closureviz-desktop: %s\n", error.c_str());
      if (p.options.frames > 0) return 2;  // a scripted run must not silently show something else
    }
  }
  app.finish_recording();
  if (!p.options.view.empty()) app.set_view(p.options.view == "cells" ? cv::layout::ViewMode::Cells : cv::layout::ViewMode::Environment);
  if (p.options.step > 0) {
    if (static_cast<unsigned long>(p.options.step) > app.step_count()) {
      std::fprintf(stderr, "closureviz-desktop: --step %ld: the program has %u steps\n", p.options.step, app.step_count());
      if (p.options.frames > 0) return 2;
    }
    app.set_step(static_cast<std::uint32_t>(p.options.step));
  }
  if (p.options.presentation) app.set_presentation(true);
  if (!p.options.dump_diagram.empty()) app.set_record_drawn(true);
#ifndef __EMSCRIPTEN__
  if (!p.options.dump_diagram.empty() && p.options.frames == 0) std::signal(SIGUSR1, request_dump);
#endif

#ifdef __EMSCRIPTEN__
  // Never returns: the browser calls main_loop_step once per animation frame.
  emscripten_set_main_loop_arg(main_loop_step, &p, 0, true);
#else
  while (!p.done) render_frame(p);

  if ((p.options.scrub || p.options.bench) && p.frame_ms.size() > 1) {
    // Frame times while changing step every frame (the first frame builds the font atlas: skipped).
    const char* mode = p.options.scrub ? "scrub" : "bench";
    auto report = [mode](const char* what, std::vector<double> ms) {
      ms.erase(ms.begin());
      double sum = 0;
      for (double v : ms) sum += v;
      std::sort(ms.begin(), ms.end());
      std::printf("%s %-44s %zu frames, mean %6.2f ms, median %6.2f ms, max %6.2f ms\n", mode, what, ms.size(),
                  sum / static_cast<double>(ms.size()), ms[ms.size() / 2], ms.back());
    };
    if (p.options.scrub) std::printf("scrub: %u steps, stepping one step per frame\n", app.step_count());
    else std::printf("bench: steps %ld and %ld in turn, a new layout every frame\n", p.options.step, p.options.step - 1);
    report("UI frame incl. layout + draw lists (CPU):", p.ui_ms);
    report("  diagram layout (CPU):", p.layout_ms);
    report("  diagram draw list (CPU):", p.diagram_ms);
    report("whole frame incl. GL draw + glFinish (wall):", p.frame_ms);
  }
  if (use_settings_file) {
    if (app.presentation()) app.set_presentation(false);  // remember the normal font scale
    cv::ui::Settings& out = app.settings();
    const Uint32 window_flags = SDL_GetWindowFlags(p.window);
    out.maximized = (window_flags & SDL_WINDOW_MAXIMIZED) != 0;
    if (!out.maximized && !(window_flags & SDL_WINDOW_FULLSCREEN_DESKTOP) && !app.presentation()) {
      SDL_GetWindowSize(p.window, &out.window_width, &out.window_height);
    }
    std::string error;
    if (!cv::ui::save_settings(out, settings_path, &error)) std::fprintf(stderr, "closureviz-desktop: settings not saved: %s\n", error.c_str());
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(p.gl);
  SDL_DestroyWindow(p.window);
  SDL_Quit();
#endif
  return p.exit_code;
}
