// Light, dark and projector themes: one table per theme so a colour is changed in exactly one place.
#include "ui/themes.h"

namespace cv::ui {

namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

ThemeSet make_light() {
  ThemeSet t;  // the diagram keeps layout::Theme's defaults, which the SVG export uses too
  AppColors& c = t.app;
  c.code_bg = IM_COL32(255, 255, 255, 255);
  c.gutter_bg = IM_COL32(244, 246, 249, 255);
  c.gutter_text = IM_COL32(140, 148, 160, 255);
  c.gutter_current = IM_COL32(31, 35, 40, 255);
  c.executed_line_bg = IM_COL32(222, 245, 222, 255);
  c.executed_marker = IM_COL32(76, 175, 80, 255);
  c.next_line_bg = IM_COL32(255, 232, 230, 255);
  c.next_marker = IM_COL32(211, 47, 47, 255);
  c.error_line_bg = IM_COL32(255, 214, 214, 255);
  c.error_text = IM_COL32(176, 0, 32, 255);
  c.breakpoint = IM_COL32(214, 51, 108, 255);
  c.timeline_bg = IM_COL32(244, 246, 249, 255);
  c.timeline_depth = IM_COL32(137, 170, 214, 255);
  c.timeline_cursor = IM_COL32(31, 95, 170, 255);
  c.timeline_call = IM_COL32(79, 154, 104, 255);
  c.timeline_return = IM_COL32(224, 123, 0, 255);
  c.timeline_exception = IM_COL32(211, 47, 47, 255);
  c.accent = IM_COL32(31, 95, 170, 255);
  c.header_bg = IM_COL32(232, 237, 244, 255);
  c.cursor = IM_COL32(20, 20, 20, 255);
  c.tokens[int(TokenKind::kPlain)] = rgb(31, 35, 40);
  c.tokens[int(TokenKind::kKeyword)] = rgb(167, 29, 93);
  c.tokens[int(TokenKind::kBuiltin)] = rgb(0, 92, 197);
  c.tokens[int(TokenKind::kNumber)] = rgb(0, 120, 90);
  c.tokens[int(TokenKind::kString)] = rgb(3, 47, 98);
  c.tokens[int(TokenKind::kComment)] = rgb(106, 115, 125);
  c.tokens[int(TokenKind::kDefName)] = rgb(111, 66, 193);
  return t;
}

ThemeSet make_dark() {
  ThemeSet t;
  layout::Theme& d = t.diagram;
  d.background = 0x1B1E26FF;
  d.text = 0xE6E8EBFF;
  d.text_muted = 0x9AA3AEFF;
  d.value_text = 0x8CC8FFFF;
  d.frame_fill = 0x232938FF;
  d.frame_header = 0x2E3A52FF;
  d.frame_border = 0x5B7299FF;
  d.current_border = 0x78B4FFFF;
  d.greyed_fill = 0x22252BFF;
  d.greyed_header = 0x2D3038FF;
  d.greyed_border = 0x6A6F7AFF;
  d.object_fill = 0x2A2720FF;
  d.object_header = 0x4A4128FF;
  d.object_border = 0xB39A52FF;
  d.function_header = 0x25443AFF;
  d.function_border = 0x5FB884FF;
  d.cell_header = 0x4D2A2AFF;
  d.cell_border = 0xE07070FF;
  d.value_cell = 0x1B1E26FF;
  d.value_cell_border = 0x4A5262FF;
  d.arrow = 0xB8C2D0FF;
  d.parent_arrow = 0x8292A8FF;
  d.scope_chain = 0x5AA2F0FF;
  d.changed = 0xFFA53DFF;
  d.changed_row = 0x4A3A1AFF;
  d.highlight = 0xFF6B9DFF;
  d.faded_opacity = 0.3f;

  AppColors& c = t.app;
  c.code_bg = IM_COL32(27, 30, 38, 255);
  c.gutter_bg = IM_COL32(33, 37, 47, 255);
  c.gutter_text = IM_COL32(110, 118, 132, 255);
  c.gutter_current = IM_COL32(230, 232, 235, 255);
  c.executed_line_bg = IM_COL32(36, 66, 44, 255);
  c.executed_marker = IM_COL32(102, 204, 120, 255);
  c.next_line_bg = IM_COL32(74, 38, 40, 255);
  c.next_marker = IM_COL32(255, 110, 100, 255);
  c.error_line_bg = IM_COL32(96, 30, 36, 255);
  c.error_text = IM_COL32(255, 128, 128, 255);
  c.breakpoint = IM_COL32(255, 107, 157, 255);
  c.timeline_bg = IM_COL32(33, 37, 47, 255);
  c.timeline_depth = IM_COL32(70, 100, 150, 255);
  c.timeline_cursor = IM_COL32(120, 180, 255, 255);
  c.timeline_call = IM_COL32(95, 184, 132, 255);
  c.timeline_return = IM_COL32(255, 165, 61, 255);
  c.timeline_exception = IM_COL32(255, 110, 100, 255);
  c.accent = IM_COL32(120, 180, 255, 255);
  c.header_bg = IM_COL32(33, 37, 47, 255);
  c.cursor = IM_COL32(230, 232, 235, 255);
  c.tokens[int(TokenKind::kPlain)] = rgb(225, 228, 232);
  c.tokens[int(TokenKind::kKeyword)] = rgb(204, 143, 242);
  c.tokens[int(TokenKind::kBuiltin)] = rgb(115, 204, 242);
  c.tokens[int(TokenKind::kNumber)] = rgb(242, 178, 102);
  c.tokens[int(TokenKind::kString)] = rgb(153, 217, 128);
  c.tokens[int(TokenKind::kComment)] = rgb(128, 140, 153);
  c.tokens[int(TokenKind::kDefName)] = rgb(250, 217, 115);
  return t;
}

// High contrast for projectors: pure black on white, saturated borders, no pastel that a
// washed-out projector would turn into white.
ThemeSet make_projector() {
  ThemeSet t = make_light();
  layout::Theme& d = t.diagram;
  d.background = 0xFFFFFFFF;
  d.text = 0x000000FF;
  d.text_muted = 0x333333FF;
  d.value_text = 0x00308FFF;
  d.frame_fill = 0xFFFFFFFF;
  d.frame_header = 0xC9DBF5FF;
  d.frame_border = 0x00308FFF;
  d.current_border = 0x0050E0FF;
  d.greyed_fill = 0xF0F0F0FF;
  d.greyed_header = 0xD6D6D6FF;
  d.greyed_border = 0x555555FF;
  d.object_fill = 0xFFFFFFFF;
  d.object_header = 0xFFE38AFF;
  d.object_border = 0x7A5C00FF;
  d.function_header = 0xB8EBC6FF;
  d.function_border = 0x006B2EFF;
  d.cell_header = 0xFFC4C4FF;
  d.cell_border = 0xB00020FF;
  d.value_cell = 0xFFFFFFFF;
  d.value_cell_border = 0x444444FF;
  d.arrow = 0x000000FF;
  d.parent_arrow = 0x333333FF;
  d.scope_chain = 0x0050E0FF;
  d.changed = 0xD35400FF;
  d.changed_row = 0xFFE0A8FF;
  d.highlight = 0xC2005CFF;
  d.faded_opacity = 0.35f;
  AppColors& c = t.app;
  c.gutter_text = IM_COL32(60, 60, 60, 255);
  c.gutter_current = IM_COL32(0, 0, 0, 255);
  c.executed_line_bg = IM_COL32(190, 240, 190, 255);
  c.executed_marker = IM_COL32(0, 140, 40, 255);
  c.next_line_bg = IM_COL32(255, 205, 200, 255);
  c.next_marker = IM_COL32(200, 0, 0, 255);
  c.error_line_bg = IM_COL32(255, 226, 226, 255);
  c.error_text = IM_COL32(140, 0, 20, 255);   // 7.9:1 on the error line
  c.timeline_depth = IM_COL32(60, 110, 200, 255);
  c.timeline_cursor = IM_COL32(0, 0, 0, 255);
  c.accent = IM_COL32(0, 64, 180, 255);
  c.tokens[int(TokenKind::kPlain)] = rgb(0, 0, 0);
  c.tokens[int(TokenKind::kKeyword)] = rgb(150, 0, 80);
  c.tokens[int(TokenKind::kBuiltin)] = rgb(0, 70, 170);
  c.tokens[int(TokenKind::kNumber)] = rgb(0, 100, 60);
  c.tokens[int(TokenKind::kString)] = rgb(0, 40, 110);
  c.tokens[int(TokenKind::kComment)] = rgb(70, 70, 70);
  c.tokens[int(TokenKind::kDefName)] = rgb(90, 30, 170);
  return t;
}

}  // namespace

const char* theme_name(ThemeKind kind) {
  switch (kind) {
    case ThemeKind::Light: return "light";
    case ThemeKind::Dark: return "dark";
    case ThemeKind::Projector: return "projector";
  }
  return "light";
}

bool parse_theme(std::string_view name, ThemeKind* kind) {
  for (ThemeKind k : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::Projector}) {
    if (name == theme_name(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

const ThemeSet& theme_colors(ThemeKind kind) {
  static const ThemeSet kLight = make_light(), kDark = make_dark(), kProjector = make_projector();
  switch (kind) {
    case ThemeKind::Dark: return kDark;
    case ThemeKind::Projector: return kProjector;
    case ThemeKind::Light: break;
  }
  return kLight;
}

void apply_imgui_style(ThemeKind kind, float scale) {
  ImGuiStyle style;
  if (kind == ThemeKind::Dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = rgb(22, 24, 31);
    style.Colors[ImGuiCol_ChildBg] = rgb(27, 30, 38);
    style.Colors[ImGuiCol_PopupBg] = rgb(30, 33, 42);
    style.Colors[ImGuiCol_MenuBarBg] = rgb(33, 37, 47);
    style.Colors[ImGuiCol_Border] = rgb(52, 58, 72);
    style.Colors[ImGuiCol_FrameBg] = rgb(40, 45, 58);
    style.Colors[ImGuiCol_Button] = rgb(48, 56, 74);
    style.Colors[ImGuiCol_ButtonHovered] = rgb(64, 80, 110);
    style.Colors[ImGuiCol_ButtonActive] = rgb(80, 110, 160);
    style.Colors[ImGuiCol_Header] = rgb(48, 60, 84);
  } else {
    ImGui::StyleColorsLight(&style);
    const bool projector = kind == ThemeKind::Projector;
    style.Colors[ImGuiCol_WindowBg] = projector ? rgb(255, 255, 255) : rgb(248, 249, 251);
    style.Colors[ImGuiCol_ChildBg] = rgb(255, 255, 255);
    style.Colors[ImGuiCol_MenuBarBg] = projector ? rgb(235, 235, 235) : rgb(236, 240, 245);
    style.Colors[ImGuiCol_Border] = projector ? rgb(60, 60, 60) : rgb(208, 214, 222);
    style.Colors[ImGuiCol_Text] = projector ? rgb(0, 0, 0) : rgb(31, 35, 40);
    style.Colors[ImGuiCol_TextDisabled] = projector ? rgb(60, 60, 60) : rgb(110, 119, 129);
    style.Colors[ImGuiCol_FrameBg] = projector ? rgb(240, 240, 240) : rgb(238, 241, 245);
    style.Colors[ImGuiCol_Button] = projector ? rgb(220, 228, 240) : rgb(226, 233, 243);
    style.Colors[ImGuiCol_ButtonHovered] = rgb(200, 216, 238);
    style.Colors[ImGuiCol_ButtonActive] = rgb(170, 196, 232);
    style.FrameBorderSize = projector ? 1.0f : 0.0f;
  }
  style.WindowRounding = 0.0f;
  style.ChildRounding = 4.0f;
  style.FrameRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.GrabRounding = 3.0f;
  style.WindowPadding = ImVec2(10, 8);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12.0f;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace cv::ui
