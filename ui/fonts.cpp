// Font loading for the app: Debian's TTFs copied into the build, ImGui's default font as fallback.
#include "ui/fonts.h"

#include <cstdio>

#include "imgui.h"

namespace cv::ui {

namespace {

constexpr float kUiSize = 16.0f;
constexpr float kCodeSize = 17.0f;
constexpr float kDiagramSize = 15.0f;

bool readable(const std::string& path) {
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    std::fclose(f);
    return true;
  }
  return false;
}

// Latin, Greek (λ of lambdas), punctuation (… of shortened values), arrows and geometric shapes.
const ImWchar kAllRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x205E, 0x2190, 0x21FF, 0x25A0, 0x25FF, 0};
// ASCII and the app's own symbols (λ, …): enough for the first frame of the example program.
const ImWchar kFirstFrameRanges[] = {0x0020, 0x007E, 0x03BB, 0x03BB, 0x2026, 0x2026, 0};

ImFont* add_font(const std::string& path, float size, float pixel_scale, const ImWchar* ranges) {
  ImGuiIO& io = ImGui::GetIO();
  // AddFontFromFileTTF asserts on a missing file: check first.
  if (!readable(path)) {
    std::fprintf(stderr, "closureviz: font %s not found, using ImGui's built-in font\n", path.c_str());
    ImFontConfig config;
    config.SizePixels = 13.0f * pixel_scale;
    return io.Fonts->AddFontDefault(&config);
  }
  ImFontConfig config;
  // ImGui rasterises each glyph 3x wider by default, for sub-pixel placement. At a raster scale of
  // 2 or more (a high-DPI screen, or large text) a placement step of one device pixel is invisible,
  // and the 3x atlas took most of the first frame's time in the browser.
  if (pixel_scale >= 2.0f) config.OversampleH = 1;
  return io.Fonts->AddFontFromFileTTF(path.c_str(), size * pixel_scale, &config, ranges);
}

}  // namespace

Fonts load_fonts(const std::string& dir, float pixel_scale, float font_scale, bool first_frame_glyphs) {
  ImGui::GetIO().Fonts->Clear();
  Fonts fonts;
  const float raster = pixel_scale * font_scale;
  const ImWchar* ranges = first_frame_glyphs ? kFirstFrameRanges : kAllRanges;
  fonts.ui = add_font(dir + "/ui.ttf", kUiSize, raster, ranges);  // first font added = default font
  fonts.code = add_font(dir + "/code.ttf", kCodeSize, raster, ranges);
  fonts.diagram = add_font(dir + "/code.ttf", kDiagramSize, raster, ranges);
  ImGui::GetIO().FontGlobalScale = 1.0f / pixel_scale;
  return fonts;
}

}  // namespace cv::ui
