// Loads the UI and code fonts that the build copies next to the binary (see cmake/CvAssets.cmake).
#pragma once

#include <string>

struct ImFont;

namespace cv::ui {

struct Fonts {
  ImFont* ui = nullptr;    // proportional text: labels, headers (DejaVu Sans)
  ImFont* code = nullptr;  // program source (JetBrains Mono)
};

// Adds DIR/ui.ttf and DIR/code.ttf to the current ImGui font atlas, rasterised at
// `pixel_scale` times their nominal size (the framebuffer/window ratio, >1 on HiDPI screens;
// io.FontGlobalScale must then be 1/pixel_scale). A missing file falls back to ImGui's
// built-in font with a warning on stderr, so the app always starts.
Fonts load_fonts(const std::string& dir, float pixel_scale);

}  // namespace cv::ui
