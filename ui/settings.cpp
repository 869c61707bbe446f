// Settings file: one `key = value` per line, `recent = PATH` repeated; read leniently, written whole.
#include "ui/settings.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace cv::ui {

namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

bool parse_float(const std::string& text, float* out) {
  char* end = nullptr;
  const float v = std::strtof(text.c_str(), &end);
  if (!end || *end || text.empty() || !(v == v)) return false;
  *out = v;
  return true;
}

bool parse_int(const std::string& text, int* out) {
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (!end || *end || text.empty() || v < 0 || v > 100000) return false;
  *out = static_cast<int>(v);
  return true;
}

}  // namespace

std::string config_dir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) return std::string(xdg) + "/closureviz";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.config/closureviz";
  return {};
}

Settings load_settings(const std::string& path) {
  Settings s;
  std::ifstream in(path);
  if (!in) return s;
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find('=');
    if (eq == std::string::npos || trim(line).rfind('#', 0) == 0) continue;
    const std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
    float f = 0;
    int i = 0;
    if (key == "theme" && (value == "light" || value == "dark" || value == "projector")) s.theme = value;
    else if (key == "font_scale" && parse_float(value, &f)) s.font_scale = std::clamp(f, 0.5f, 3.0f);
    else if (key == "view" && (value == "env" || value == "cells")) s.view = value;
    else if (key == "recent" && !value.empty() && s.recent.size() < Settings::kMaxRecent) s.recent.push_back(value);
    else if (key == "window_width" && parse_int(value, &i)) s.window_width = std::clamp(i, 480, 16384);
    else if (key == "window_height" && parse_int(value, &i)) s.window_height = std::clamp(i, 360, 16384);
    else if (key == "maximized") s.maximized = value == "1" || value == "true";
    else if (key == "code_ratio" && parse_float(value, &f)) s.code_ratio = std::clamp(f, 0.2f, 0.7f);
    else if (key == "last_dir") s.last_dir = value;
  }
  return s;
}

bool save_settings(const Settings& s, const std::string& path, std::string* error) {
  std::error_code ec;
  const std::filesystem::path file(path);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  // Write a sibling file, then rename: a crash mid-write never leaves half a settings file.
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    if (!out) {
      if (error) *error = "cannot write " + temp;
      return false;
    }
    out << "# closureviz-desktop settings (rewritten on exit)\n";
    out << "theme = " << s.theme << "\n";
    out << "font_scale = " << s.font_scale << "\n";
    out << "view = " << s.view << "\n";
    out << "window_width = " << s.window_width << "\n";
    out << "window_height = " << s.window_height << "\n";
    out << "maximized = " << (s.maximized ? 1 : 0) << "\n";
    out << "code_ratio = " << s.code_ratio << "\n";
    out << "last_dir = " << s.last_dir << "\n";
    for (const std::string& r : s.recent) out << "recent = " << r << "\n";
    if (!out.flush()) {
      if (error) *error = "cannot write " + temp;
      return false;
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    if (error) *error = "cannot replace " + path + ": " + ec.message();
    return false;
  }
  return true;
}

}  // namespace cv::ui
