// Platform glue for the desktop app and the browser page (one main for both, as in ImGui's own
// SDL2 + OpenGL3 example): SDL2 window, GL context, ImGui backends, the main loop, and on
// desktop --frames/--screenshot for tests; on the web, canvas sizing and functions exported to JS.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#define SDL_MAIN_HANDLED
#include <SDL.h>

#include "backends/imgui_impl_opengl3.h"
#include "backends/imgui_impl_sdl.h"
#include "core/version.h"
#include "imgui.h"
#include "ui/app.h"
#include "ui/fonts.h"

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
  int frames = 0;          // > 0: quit after rendering this many frames
  std::string screenshot;  // non-empty: write the last frame there as PNG
};

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  cv::ui::App* app = nullptr;
  Options options;
  int frame = 0;      // frames rendered so far
  bool done = false;  // set by a quit event or when options.frames is reached
  int exit_code = 0;
};

Platform* g_platform = nullptr;  // for the exported JS functions only

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
  const int want_w = static_cast<int>(css_w), want_h = static_cast<int>(css_h);
  if (want_w > 0 && want_h > 0 &&
      (want_w != w || want_h != h || drawable_w != static_cast<int>(want_w * dpr))) {
    SDL_SetWindowSize(window, want_w, want_h);
  }
}
#endif

void render_frame(Platform& p) {
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_QUIT) p.done = true;
    if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
        event.window.windowID == SDL_GetWindowID(p.window)) {
      p.done = true;
    }
  }
#ifdef __EMSCRIPTEN__
  sync_canvas_size(p.window);
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

  int fb_w = 0, fb_h = 0;
  SDL_GL_GetDrawableSize(p.window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.09f, 0.10f, 0.13f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++p.frame;

#ifndef __EMSCRIPTEN__
  if (p.options.frames > 0 && p.frame >= p.options.frames) {
    if (!p.options.screenshot.empty()) {
      // Read the back buffer before the swap: its contents are undefined afterwards.
      if (!cv::ui::write_screenshot_png(p.options.screenshot, fb_w, fb_h)) p.exit_code = 1;
    }
    p.done = true;
  }
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
               "usage: closureviz-desktop [--size WxH] [--frames N] [--screenshot FILE.png]\n"
               "  --size WxH            window size in pixels (default 1280x720)\n"
               "  --frames N            quit after N frames\n"
               "  --screenshot FILE     with --frames: save the last frame as PNG\n");
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
    } else if (arg == "--size" && has_value) {
      if (std::sscanf(argv[++i], "%dx%d", &o.width, &o.height) != 2 || o.width <= 0 || o.height <= 0) {
        return usage("--size needs WIDTHxHEIGHT, e.g. 1280x720");
      }
    } else {
      return usage(("unknown or incomplete option: " + arg).c_str());
    }
  }
  if (!o.screenshot.empty() && o.frames <= 0) return usage("--screenshot needs --frames N");
  return -1;
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

  const std::string title = std::string("closureviz ") + cv::version();
  const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
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
  ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; write no imgui.ini into the cwd
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
  cv::ui::App app(cv::ui::load_fonts(font_dir(), pixel_scale > 0.0f ? pixel_scale : 1.0f));
  p.app = &app;
  g_platform = &p;

#ifdef __EMSCRIPTEN__
  // Never returns: the browser calls main_loop_step once per animation frame.
  emscripten_set_main_loop_arg(main_loop_step, &p, 0, true);
#else
  while (!p.done) render_frame(p);

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(p.gl);
  SDL_DestroyWindow(p.window);
  SDL_Quit();
#endif
  return p.exit_code;
}
