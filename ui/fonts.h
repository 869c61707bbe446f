// Loads the UI and code fonts that the build copies next to the binary (see cmake/CvAssets.cmake).
#pragma once

#include <string>

struct ImFont;

namespace cv::ui {

struct Fonts {
  ImFont* ui = nullptr;    // proportional text: labels, headers (DejaVu Sans)
  ImFont* code = nullptr;  // program source (JetBrains Mono)
  ImFont* diagram = nullptr;  // diagram text (JetBrains Mono at the diagram's size: the layout measures with it)
};

// Clears the current ImGui font atlas and adds DIR/ui.ttf and DIR/code.ttf, at `font_scale` times
// their nominal size, rasterised at `pixel_scale` times that (the framebuffer/window ratio, >1 on
// HiDPI screens), so text is crisp at any scale; sets io.FontGlobalScale to 1/pixel_scale. A
// missing file falls back to ImGui's built-in font with a warning on stderr, so the app always starts.
// The caller re-creates the GL font texture after a rebuild.
// `first_frame_glyphs`: only ASCII and the few symbols the app itself writes (a quarter of the atlas,
// so the browser page's first frame comes sooner); the caller loads the full set right after.
Fonts load_fonts(const std::string& dir, float pixel_scale, float font_scale = 1.0f, bool first_frame_glyphs = false);

}  // namespace cv::ui
