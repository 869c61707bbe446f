// The code pane. Edit mode is ImGui's multiline InputText (undo/redo and clipboard come with it) drawn with transparent text,
// the coloured text drawn over it at the same positions; Visualize mode draws the same lines read-only with step markers.
#include "ui/code_editor.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string_view>
#include <vector>

#include "imgui_stdlib.h"
#include "ui/python_highlight.h"

namespace cv::ui {

namespace {

constexpr int kIndent = 4;

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t eol = text.find('\n', start);
    if (eol == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, eol - start));
    start = eol + 1;
  }
  return lines;
}

// Where one frame's text lines sit on screen (shared by the drawing and the input callback).
struct TextGeometry {
  ImVec2 origin;     // top-left of line 1's text
  float line_height = 0;
  float font_size = 0;
  ImFont* font = nullptr;
  const std::vector<std::string_view>* lines = nullptr;
  const AppColors* colors = nullptr;
};
TextGeometry g_geometry;  // valid during CodeEditor::draw only

void draw_coloured_lines(ImDrawList* draw, const TextGeometry& g) {
  const ImVec2 clip_min = draw->GetClipRectMin(), clip_max = draw->GetClipRectMax();
  for (std::size_t i = 0; i < g.lines->size(); ++i) {
    const float y = g.origin.y + static_cast<float>(i) * g.line_height;
    if (y + g.line_height < clip_min.y || y > clip_max.y) continue;
    float x = g.origin.x;
    for (const Span& span : highlight_python_line((*g.lines)[i])) {
      const char* b = span.text.data();
      const char* e = b + span.text.size();
      const ImU32 col = ImGui::ColorConvertFloat4ToU32(g.colors->tokens[static_cast<int>(span.kind)]);
      draw->AddText(g.font, g.font_size, ImVec2(x, y), col, b, e);
      x += g.font->CalcTextSizeA(g.font_size, FLT_MAX, 0.0f, b, e).x;
    }
  }
}

int line_of_offset(std::string_view text, int offset) {
  return static_cast<int>(std::count(text.begin(), text.begin() + std::clamp(offset, 0, static_cast<int>(text.size())), '\n'));
}

int line_start(std::string_view text, int offset) {
  while (offset > 0 && text[static_cast<std::size_t>(offset - 1)] != '\n') --offset;
  return offset;
}

}  // namespace

void CodeEditor::set_text(std::string text) {
  // Tabs are shown as spaces in the editor; Python itself treats both the same way here.
  text_ = std::move(text);
  text_.erase(std::remove(text_.begin(), text_.end(), '\r'), text_.end());
  edited_ = false;
  last_cursor_line_ = -1;
  queued_chars_.clear();
}

int CodeEditor::input_callback(ImGuiInputTextCallbackData* data) {
  return static_cast<CodeEditor*>(data->UserData)->on_input(data);
}

int CodeEditor::on_input(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    // Tab and Enter are finished in the CallbackAlways below, where the text is available. Only
    // the keys count: pasted text passes this filter too, character by character (ImGui's Ctrl+V,
    // and the browser's paste event typed in by ui/main.cpp), and keeps its own tabs and indentation.
    const ImGuiIO& io = ImGui::GetIO();
    const bool tab_key = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab)) && !io.KeyCtrl;
    const bool enter_key = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter));
    if (data->EventChar == '\t' && tab_key) {
      pending_tab_ = true;
      return 1;
    }
    if (data->EventChar == '\n' && enter_key) pending_newline_ = true;
    return 0;
  }
  if (data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;

  const std::string_view buf(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  const ImGuiIO& io = ImGui::GetIO();
  const bool shift_tab = io.KeyShift && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab));
  const int sel_lo = std::min(data->SelectionStart, data->SelectionEnd);
  const int sel_hi = std::max(data->SelectionStart, data->SelectionEnd);
  const bool multi_line_selection = sel_lo != sel_hi && line_of_offset(buf, sel_lo) != line_of_offset(buf, sel_hi);

  if ((pending_tab_ && multi_line_selection) || shift_tab) {
    // Indent or dedent every line the selection touches (or the cursor's line), bottom up so
    // that earlier offsets stay valid.
    const int first = line_start(buf, sel_lo);
    const int last = sel_lo != sel_hi ? line_start(buf, std::max(sel_lo, sel_hi - 1)) : line_start(buf, sel_lo);
    std::vector<int> starts;
    for (int at = first; at <= last; at = static_cast<int>(buf.find('\n', static_cast<std::size_t>(at))) + 1) {
      starts.push_back(at);
      if (buf.find('\n', static_cast<std::size_t>(at)) == std::string_view::npos) break;
    }
    int delta_before_cursor = 0, delta_total = 0;
    const std::string spaces(kIndent, ' ');
    for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
      const int at = *it;
      int change = 0;
      if (shift_tab) {
        int n = 0;
        while (n < kIndent && at + n < data->BufTextLen && data->Buf[at + n] == ' ') ++n;
        if (n > 0) data->DeleteChars(at, n);
        change = -n;
      } else {
        data->InsertChars(at, spaces.c_str());
        change = kIndent;
      }
      delta_total += change;
      if (at < data->CursorPos) delta_before_cursor += change;
    }
    if (multi_line_selection) {
      data->SelectionStart = first;
      data->SelectionEnd = std::max(first, sel_hi + delta_total);
      data->CursorPos = data->SelectionEnd;
    } else {
      data->CursorPos = std::max(first, data->CursorPos + delta_before_cursor);
      data->SelectionStart = data->SelectionEnd = data->CursorPos;
    }
  } else if (pending_tab_) {
    // Spaces up to the next multiple of four columns, typed at the next frame so undo sees them.
    const int column = data->CursorPos - line_start(buf, data->CursorPos);
    queued_chars_.append(static_cast<std::size_t>(kIndent - column % kIndent), ' ');
  }
  pending_tab_ = false;

  if (pending_newline_) {
    // Copy the previous line's indentation; one level more after a line ending in ':'.
    pending_newline_ = false;
    const int here = line_start(buf, data->CursorPos);
    if (here > 0) {
      const int prev = line_start(buf, here - 1);
      const std::string_view line = buf.substr(static_cast<std::size_t>(prev), static_cast<std::size_t>(here - 1 - prev));
      std::size_t indent = 0;
      while (indent < line.size() && line[indent] == ' ') ++indent;
      std::string_view code = line.substr(0, line.find('#'));
      while (!code.empty() && (code.back() == ' ' || code.back() == '\t')) code.remove_suffix(1);
      if (!code.empty() && code.back() == ':') indent += kIndent;
      queued_chars_.append(indent, ' ');
    }
  }

  cursor_ = data->CursorPos;
  selection_start_ = data->SelectionStart;
  selection_end_ = data->SelectionEnd;

  // The coloured text, drawn into the InputText's own window so that it is above its background.
  // The caret is ours too: ImGui's own is drawn in the (transparent) text colour.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw_coloured_lines(draw, g_geometry);
  if (std::fmod(ImGui::GetTime(), 1.2) < 0.8) {
    const std::string_view text(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const int line = line_of_offset(text, data->CursorPos);
    const int start = line_start(text, data->CursorPos);
    const float x = g_geometry.font->CalcTextSizeA(g_geometry.font_size, FLT_MAX, 0.0f, text.data() + start, text.data() + data->CursorPos).x;
    const ImVec2 top(g_geometry.origin.x + x, g_geometry.origin.y + static_cast<float>(line) * g_geometry.line_height);
    draw->AddLine(top, ImVec2(top.x, top.y + g_geometry.line_height), g_geometry.colors->cursor, 1.5f);
  }
  drew_in_callback_ = true;
  return 0;
}

int CodeEditor::draw(ImVec2 size, bool editable, const CodeMarkers& markers, const AppColors& colors, ImFont* font) {
  int clicked_line = 0;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colors.code_bg);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("code_pane", size, true, ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoMove);
  ImGui::PushFont(font);

  const std::vector<std::string_view> lines = split_lines(text_);
  const float font_size = ImGui::GetFontSize();
  const float line_h = font_size;  // what InputTextMultiline uses, so both modes line up
  const ImVec2 pad(8.0f, 6.0f);
  const float char_w = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, "0").x;
  const int digits = std::max(2, static_cast<int>(std::to_string(lines.size()).size()));
  const float marker_w = char_w * 2.6f;                  // arrows and the breakpoint dot
  const float gutter_w = marker_w + char_w * static_cast<float>(digits) + char_w * 1.2f;
  float text_w = 0;
  for (std::string_view line : lines) text_w = std::max(text_w, font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, line.data(), line.data() + line.size()).x);
  if (!markers.error_message.empty()) text_w += font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, markers.error_message.c_str()).x + char_w * 4;
  const float content_h = static_cast<float>(lines.size()) * line_h + pad.y * 2;
  const float view_w = std::floor(ImGui::GetContentRegionAvail().x);
  const float view_h = std::floor(ImGui::GetContentRegionAvail().y);
  const ImVec2 origin = ImGui::GetCursorScreenPos();   // moves with the pane's scrolling
  const ImVec2 text_origin(origin.x + gutter_w + pad.x, origin.y + pad.y);
  ImDrawList* draw = ImGui::GetWindowDrawList();

  // Line backgrounds: next line, executed line, error line (the error wins).
  const float row_x0 = origin.x + gutter_w;
  const float row_x1 = origin.x + std::max(view_w, gutter_w + pad.x * 2 + text_w + char_w * 8) + ImGui::GetScrollX();
  auto line_top = [&](int line) { return text_origin.y + static_cast<float>(line - 1) * line_h; };
  auto band = [&](int line, ImU32 col) {
    if (line >= 1 && line <= static_cast<int>(lines.size())) draw->AddRectFilled(ImVec2(row_x0, line_top(line)), ImVec2(row_x1, line_top(line) + line_h), col);
  };
  if (markers.next_line != markers.executed_line) band(markers.next_line, colors.next_line_bg);
  band(markers.executed_line, colors.executed_line_bg);
  band(markers.error_line, colors.error_line_bg);

  // Gutter: background, markers, numbers; a click on a number toggles a breakpoint.
  const float scroll_x = ImGui::GetScrollX();
  const float gutter_x = origin.x + scroll_x;  // the gutter stays put when the text scrolls sideways
  draw->AddRectFilled(ImVec2(gutter_x, origin.y + ImGui::GetScrollY()), ImVec2(gutter_x + gutter_w, origin.y + ImGui::GetScrollY() + view_h), colors.gutter_bg);
  for (int line = 1; line <= static_cast<int>(lines.size()); ++line) {
    const float y = line_top(line);
    if (y + line_h < origin.y + ImGui::GetScrollY() || y > origin.y + ImGui::GetScrollY() + view_h) continue;
    const bool is_marked = line == markers.executed_line || line == markers.next_line || line == markers.error_line;
    const std::string number = std::to_string(line);
    const float number_w = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, number.c_str()).x;
    draw->AddText(font, font_size, ImVec2(gutter_x + gutter_w - char_w * 0.8f - number_w, y), is_marked ? colors.gutter_current : colors.gutter_text, number.c_str());
    const float cy = y + line_h / 2;
    const float ax = gutter_x + char_w * 0.4f, aw = char_w * 1.5f, ah = line_h * 0.28f;
    auto arrow = [&](ImU32 col, bool hollow) {
      // A right-pointing arrow: a shaft and a head, as Python Tutor draws them.
      const ImVec2 tip(ax + aw, cy);
      if (hollow) {
        draw->AddTriangle(ImVec2(ax + aw * 0.45f, cy - ah), tip, ImVec2(ax + aw * 0.45f, cy + ah), col, 1.6f);
        draw->AddLine(ImVec2(ax, cy), ImVec2(ax + aw * 0.45f, cy), col, 2.0f);
      } else {
        draw->AddTriangleFilled(ImVec2(ax + aw * 0.45f, cy - ah), tip, ImVec2(ax + aw * 0.45f, cy + ah), col);
        draw->AddLine(ImVec2(ax, cy), ImVec2(ax + aw * 0.5f, cy), col, 3.0f);
      }
    };
    if (markers.breakpoints && markers.breakpoints->count(line)) {
      draw->AddCircleFilled(ImVec2(gutter_x + marker_w + char_w * 0.1f, cy), line_h * 0.22f, colors.breakpoint, 12);
    }
    if (line == markers.next_line && line != markers.executed_line) arrow(colors.next_marker, false);
    if (line == markers.executed_line) arrow(colors.executed_marker, false);
    if (line == markers.next_line && line == markers.executed_line) arrow(colors.next_marker, true);
    if (line == markers.error_line) draw->AddText(font, font_size, ImVec2(ax, y), colors.error_text, "!");
  }
  geometry_ = {gutter_x, gutter_w, text_origin.x, text_origin.y, line_h};
  // Clicks in the gutter: hit-test by row (an invisible button over the gutter column).
  ImGui::SetCursorScreenPos(ImVec2(gutter_x, origin.y));
  ImGui::InvisibleButton("gutter", ImVec2(gutter_w, std::max(content_h, 1.0f)));
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (ImGui::IsItemClicked()) {
    const int line = static_cast<int>((ImGui::GetIO().MousePos.y - text_origin.y) / line_h) + 1;
    if (line >= 1 && line <= static_cast<int>(lines.size())) clicked_line = line;
  }

  g_geometry = TextGeometry{text_origin, line_h, font_size, font, &lines, &colors};
  drew_in_callback_ = false;
  // Exactly the pane's size unless the text needs more, so no scrollbar shows for nothing.
  const ImVec2 editor_size(std::max(view_w - gutter_w, pad.x * 2 + text_w + char_w * 2), std::max(content_h, view_h));
  if (editable) {
    // Characters queued by Tab or auto-indent last frame are typed now, through the normal path.
    if (!queued_chars_.empty()) {
      for (char c : queued_chars_) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
      queued_chars_.clear();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter_w, origin.y));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, pad);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (focus_) {
      ImGui::SetKeyboardFocusHere();
      focus_ = false;
    }
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_AllowTabInput | ImGuiInputTextFlags_CallbackCharFilter |
                                      ImGuiInputTextFlags_CallbackAlways | ImGuiInputTextFlags_NoHorizontalScroll;
    if (ImGui::InputTextMultiline("##source", &text_, editor_size, flags, &CodeEditor::input_callback, this)) edited_ = true;
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    // Keep the caret in view: the InputText is as tall as the text, so the pane scrolls instead.
    if (ImGui::IsItemActive()) {
      const int cursor_line = line_of_offset(text_, cursor_) + 1;
      if (cursor_line != last_cursor_line_) {
        reveal_line_ = cursor_line;
        last_cursor_line_ = cursor_line;
      }
    }
  } else {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + gutter_w, origin.y));
    ImGui::Dummy(editor_size);
  }
  if (!drew_in_callback_) draw_coloured_lines(draw, g_geometry);
  if (!markers.error_message.empty() && markers.error_line >= 1 && markers.error_line <= static_cast<int>(lines.size())) {
    const std::string_view line = lines[static_cast<std::size_t>(markers.error_line - 1)];
    const float x = text_origin.x + font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, line.data(), line.data() + line.size()).x + char_w * 3;
    draw->AddText(font, font_size, ImVec2(x, line_top(markers.error_line)), colors.error_text, markers.error_message.c_str());
  }
  if (reveal_line_ > 0) {
    const float y = static_cast<float>(reveal_line_ - 1) * line_h + pad.y;
    const float top = ImGui::GetScrollY();
    if (y < top + line_h) ImGui::SetScrollY(std::max(0.0f, y - line_h * 2));
    else if (y + line_h * 2 > top + view_h) ImGui::SetScrollY(y + line_h * 3 - view_h);
    reveal_line_ = 0;
  }
  ImGui::PopFont();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  return clicked_line;
}

}  // namespace cv::ui
