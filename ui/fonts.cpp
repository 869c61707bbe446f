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

ImFont* add_font(const std::string& path, float size, float pixel_scale) {
  ImGuiIO& io = ImGui::GetIO();
  // AddFontFromFileTTF asserts on a missing file: check first.
  if (!readable(path)) {
    std::fprintf(stderr, "closureviz: font %s not found, using ImGui's built-in font\n", path.c_str());
    ImFontConfig config;
    config.SizePixels = 13.0f * pixel_scale;
    return io.Fonts->AddFontDefault(&config);
  }
  // Latin, Greek (λ of lambdas), punctuation (… of shortened values), arrows and geometric shapes.
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x205E, 0x2190, 0x21FF, 0x25A0, 0x25FF, 0};
  return io.Fonts->AddFontFromFileTTF(path.c_str(), size * pixel_scale, nullptr, kRanges);
}

}  // namespace

Fonts load_fonts(const std::string& dir, float pixel_scale, float font_scale) {
  ImGui::GetIO().Fonts->Clear();
  Fonts fonts;
  const float raster = pixel_scale * font_scale;
  fonts.ui = add_font(dir + "/ui.ttf", kUiSize, raster);  // first font added = default font
  fonts.code = add_font(dir + "/code.ttf", kCodeSize, raster);
  fonts.diagram = add_font(dir + "/code.ttf", kDiagramSize, raster);
  ImGui::GetIO().FontGlobalScale = 1.0f / pixel_scale;
  return fonts;
}

}  // namespace cv::ui
