// Desktop only: saves the current GL back buffer as a PNG (used by --screenshot and the smoke test).
#pragma once

#include <string>

namespace cv::ui {

// Reads width x height RGB pixels from the bound framebuffer and writes them, top row first,
// to `path`. Returns false (with a message on stderr) if the file cannot be written.
bool write_screenshot_png(const std::string& path, int width, int height);

}  // namespace cv::ui
