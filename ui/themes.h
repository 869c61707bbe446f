// The app's three colour themes (light, dark, high-contrast projector): ImGui style, diagram colours, code colours.
#pragma once

#include <string_view>

#include "imgui.h"
#include "ui/layout/theme.h"
#include "ui/python_highlight.h"

namespace cv::ui {

enum class ThemeKind { Light, Dark, Projector };

const char* theme_name(ThemeKind kind);             // "light", "dark", "projector"
bool parse_theme(std::string_view name, ThemeKind* kind);

// Colours the app draws itself (code pane markers, timeline, status).
struct AppColors {
  ImU32 code_bg, gutter_bg, gutter_text, gutter_current;
  ImU32 executed_line_bg, executed_marker;   // the line just executed (light green arrow, as in Python Tutor)
  ImU32 next_line_bg, next_marker;           // the next line to execute (red arrow)
  ImU32 error_line_bg, error_text;
  ImU32 breakpoint;
  ImU32 timeline_bg, timeline_depth, timeline_cursor, timeline_call, timeline_return, timeline_exception;
  ImU32 accent, header_bg, cursor;
  ImVec4 tokens[7];                          // indexed by TokenKind
};

struct ThemeSet {
  layout::Theme diagram;
  AppColors app;
};

// Sets ImGui's style colours and sizes for `kind`, sizes multiplied by `scale`.
void apply_imgui_style(ThemeKind kind, float scale);
const ThemeSet& theme_colors(ThemeKind kind);

}  // namespace cv::ui
