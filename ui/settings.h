// The desktop app's remembered settings (theme, font scale, recent files, window size), as a small key=value file.
#pragma once

#include <string>
#include <vector>

namespace cv::ui {

struct Settings {
  std::string theme = "light";        // light | dark | projector
  float font_scale = 1.0f;
  std::string view = "env";           // env | cells
  std::vector<std::string> recent;    // most recent first
  int window_width = 1280, window_height = 760;
  bool maximized = false;
  float code_ratio = 0.36f;           // width of the code column, 0.2 .. 0.7
  std::string last_dir;               // where the Open/Save dialog starts

  static constexpr std::size_t kMaxRecent = 8;
};

// $XDG_CONFIG_HOME/closureviz, else $HOME/.config/closureviz; "" when neither is set.
std::string config_dir();

// Reads `path`; a missing or unreadable file, or unknown or malformed lines, give the defaults
// for what they would have set (a settings file never stops the app from starting).
Settings load_settings(const std::string& path);
// Writes `path` (creating its directory); false with *error set on failure.
bool save_settings(const Settings& settings, const std::string& path, std::string* error);

}  // namespace cv::ui
