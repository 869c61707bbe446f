// Font loading for the app: Debian's TTFs copied into the build, ImGui's default font as fallback.
#include "ui/fonts.h"

#include <cstdio>

#include "imgui.h"

namespace cv::ui {

namespace {

constexpr float kUiSize = 16.0f;
constexpr float kCodeSize = 17.0f;

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
  return io.Fonts->AddFontFromFileTTF(path.c_str(), size * pixel_scale);
}

}  // namespace

Fonts load_fonts(const std::string& dir, float pixel_scale) {
  Fonts fonts;
  fonts.ui = add_font(dir + "/ui.ttf", kUiSize, pixel_scale);  // first font added = default font
  fonts.code = add_font(dir + "/code.ttf", kCodeSize, pixel_scale);
  ImGui::GetIO().FontGlobalScale = 1.0f / pixel_scale;
  return fonts;
}

}  // namespace cv::ui
