// Draws a DiagramLayout with ImDrawList in layout.h's channel order; pan, zoom and hover keep their state here, the layout stays pure.
#include "ui/diagram_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <nlohmann/json.hpp>

namespace cv::ui {

namespace {

using layout::Arrow;
using layout::Box;
using layout::Rect;
using layout::Vec2;

constexpr float kMinReadableScale = 0.7f;  // auto-fit never goes below this (13 px text -> 9 px)

ImU32 color(layout::Rgba c, float opacity = 1.0f) {
  ImU32 u = layout::to_imgui_color(c);
  if (opacity < 1.0f) {
    const auto alpha = static_cast<unsigned>(static_cast<float>(u >> 24) * opacity);
    u = (u & 0x00FFFFFFu) | (alpha << 24);
  }
  return u;
}

// Dashes along a polyline (greyed borders, parent arrows): `dash` on, `gap` off, in screen pixels.
void dashed_polyline(ImDrawList* draw, const ImVec2* points, int count, ImU32 col, float thickness, float dash, float gap) {
  float phase = 0;  // distance into the current dash+gap period
  for (int i = 0; i + 1 < count; ++i) {
    ImVec2 a = points[i];
    const ImVec2 b = points[i + 1];
    float length = std::hypot(b.x - a.x, b.y - a.y);
    if (length <= 0) continue;
    const ImVec2 dir((b.x - a.x) / length, (b.y - a.y) / length);
    while (length > 0) {
      const bool on = phase < dash;
      const float left = on ? dash - phase : dash + gap - phase;
      const float step = std::min(left, length);
      const ImVec2 next(a.x + dir.x * step, a.y + dir.y * step);
      if (on) draw->AddLine(a, next, col, thickness);
      a = next;
      length -= step;
      phase += step;
      if (phase >= dash + gap) phase = 0;
    }
  }
}

const char* object_kind_name(layout::ObjectKind kind) {
  switch (kind) {
    case layout::ObjectKind::Function: return "function";
    case layout::ObjectKind::Lambda: return "lambda";
    case layout::ObjectKind::Cell: return "cell";
    case layout::ObjectKind::List: return "list";
    case layout::ObjectKind::Tuple: return "tuple";
    case layout::ObjectKind::Dict: return "dict";
    case layout::ObjectKind::Set: return "set";
    case layout::ObjectKind::Instance: return "instance";
    case layout::ObjectKind::Class: return "class";
    case layout::ObjectKind::Method: return "method";
    case layout::ObjectKind::Generator: return "generator";
    case layout::ObjectKind::Other: break;
  }
  return "other";
}

const char* arrow_kind_name(Arrow::Kind kind) {
  switch (kind) {
    case Arrow::Kind::Reference: return "reference";
    case Arrow::Kind::ClosureCell: return "closure_cell";
    case Arrow::Kind::Parent: return "parent";
    case Arrow::Kind::ScopeChain: return "scope_chain";
  }
  return "reference";
}

}  // namespace

DiagramView::DiagramView() {
  // Slightly larger than the SVG defaults: the app is read from the back of a classroom.
  style_.font_size = 14;
  style_.title_font_size = 14;
  style_.note_font_size = 12;
  style_.row_height = 22;
  style_.header_height = 24;
  style_.note_height = 17;
  style_.padding = 7;
}

void DiagramView::show(const layout::DiagramModel& model, bool keep_places, ImFont* font) {
  if (font) {
    style_.measure = [font](std::string_view text, float size) {
      return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    };
  }
  layout::DiagramLayout next = layout::layout_diagram(model, keep_places && !layout_.boxes.empty() ? &layout_ : nullptr, style_);
  layout_ = std::move(next);
  if (hover_.box >= static_cast<int>(layout_.boxes.size())) hover_ = {};
  layout::highlight_related(layout_, hover_);
}

void DiagramView::clear() {
  layout_ = {};
  hover_ = {};
  drawn_json_.clear();
}

void DiagramView::zoom_by(float factor) {
  const Vec2 centre{canvas_size_.x / 2, canvas_size_.y / 2};
  transform_ = layout::zoom_about(transform_, centre, factor);
  transform_.scale = std::clamp(transform_.scale, 0.1f, 6.0f);
  auto_fit_ = false;
}

void DiagramView::draw(ImVec2 size, const layout::Theme& theme, ImFont* font) {
  size.x = std::max(size.x, 32.0f);
  size.y = std::max(size.y, 32.0f);
  canvas_min_ = ImGui::GetCursorScreenPos();
  canvas_size_ = size;
  ImGui::InvisibleButton("diagram_canvas", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const ImGuiIO& io = ImGui::GetIO();

  if (auto_fit_ && !layout_.boxes.empty()) {
    transform_ = layout::fit_to_view(layout_.bounds, {size.x, size.y}, max_fit_scale_);
    // Never shrink text below readable: a diagram too big for that is shown at the smallest
    // readable scale, following the current frame instead.
    transform_.scale = std::max(transform_.scale, std::min(kMinReadableScale, max_fit_scale_));
    // Anchored top-left rather than centred: a diagram that grows as the program runs then
    // grows down and right, and what is already drawn stays where the eye left it.
    transform_.offset = {-layout_.bounds.x0 * transform_.scale, -layout_.bounds.y0 * transform_.scale};
    const float drawn_h = layout_.bounds.height() * transform_.scale;
    if (drawn_h > size.y) {
      for (const Box& b : layout_.boxes) {
        if (b.kind != Box::Kind::Frame || !b.current) continue;
        // Keep the current frame a little below the top of the canvas, within the diagram.
        const float wanted = -(b.rect.y0 * transform_.scale) + size.y * 0.25f;
        transform_.offset.y = std::clamp(wanted, size.y - drawn_h - layout_.bounds.y0 * transform_.scale, transform_.offset.y);
        break;
      }
    }
  }
  // Pan: drag with the left or middle button. Zoom: the wheel, about the pointer.
  if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2.0f))) {
    transform_.offset.x += io.MouseDelta.x;
    transform_.offset.y += io.MouseDelta.y;
    auto_fit_ = false;
  }
  if (hovered && (io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f)) {
    if (io.KeyCtrl) {
      // Ctrl+wheel (and trackpad pinch, which browsers send as Ctrl+wheel): zoom about the pointer.
      const Vec2 pointer{io.MousePos.x - canvas_min_.x, io.MousePos.y - canvas_min_.y};
      transform_ = layout::zoom_about(transform_, pointer, std::pow(1.15f, io.MouseWheel));
      transform_.scale = std::clamp(transform_.scale, 0.1f, 6.0f);
    } else {
      // The wheel scrolls, as in any document; Shift+wheel sideways.
      const float step = ImGui::GetFontSize() * 3;
      const float wheel_x = io.KeyShift ? io.MouseWheel : io.MouseWheelH;
      const float wheel_y = io.KeyShift ? 0.0f : io.MouseWheel;
      transform_.offset.x += wheel_x * step;
      transform_.offset.y += wheel_y * step;
    }
    auto_fit_ = false;
  }
  // Hover: highlight what refers to the binding or object under the pointer.
  layout::Hit hit;
  if (hovered) hit = layout::hit_test(layout_, transform_.to_diagram({io.MousePos.x - canvas_min_.x, io.MousePos.y - canvas_min_.y}));
  if (hit.box != hover_.box || hit.row != hover_.row || hit.slot != hover_.slot) {
    hover_ = hit;
    layout::highlight_related(layout_, hover_);
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 canvas_max(canvas_min_.x + size.x, canvas_min_.y + size.y);
  draw->PushClipRect(canvas_min_, canvas_max, true);
  // channel 0: background
  draw->AddRectFilled(canvas_min_, canvas_max, color(theme.background));
  // Only what can show in the canvas is drawn: a large diagram at a readable zoom is mostly out of
  // view, and ImGui would build (and clip away) every vertex of the rest. `visible` is the canvas in
  // diagram units, with room for arrowheads and line widths.
  const Vec2 view0 = transform_.to_diagram({-8, -8}), view1 = transform_.to_diagram({size.x + 8, size.y + 8});
  const Rect visible{view0.x, view0.y, view1.x, view1.y};
  auto box_visible = [&](const Box& b) { return b.rect.overlaps(visible); };
  auto arrow_visible = [&](const Arrow& a) {   // the curve lies inside its control points' bounding box
    const Rect hull{std::min({a.p0.x, a.p1.x, a.p2.x, a.p3.x}), std::min({a.p0.y, a.p1.y, a.p2.y, a.p3.y}),
                    std::max({a.p0.x, a.p1.x, a.p2.x, a.p3.x}), std::max({a.p0.y, a.p1.y, a.p2.y, a.p3.y})};
    return hull.overlaps(visible);
  };
  // channel 1: scope-chain arcs
  for (const Arrow& a : layout_.arrows)
    if (a.kind == Arrow::Kind::ScopeChain && arrow_visible(a)) draw_arrow(draw, a, theme);
  // channel 2: boxes, faded ones first
  for (int pass = 0; pass < 2; ++pass)
    for (const Box& b : layout_.boxes)
      if (b.faded == (pass == 0) && box_visible(b)) draw_box(draw, b, theme, font);
  // channel 3: arrows, highlighted ones last
  for (int pass = 0; pass < 2; ++pass)
    for (const Arrow& a : layout_.arrows)
      if (a.kind != Arrow::Kind::ScopeChain && a.highlighted == (pass == 1) && arrow_visible(a)) draw_arrow(draw, a, theme);
  // channel 4: anchor dots
  const float dot = std::max(2.0f, 3.5f * transform_.scale);
  for (const Arrow& a : layout_.arrows) {
    if (a.kind != Arrow::Kind::Reference && a.kind != Arrow::Kind::ClosureCell) continue;
    if (!visible.contains(a.p0)) continue;
    const Vec2 p = transform_.to_screen(a.p0);
    const layout::Rgba c = a.highlighted ? theme.highlight : a.changed ? theme.changed : theme.arrow;
    draw->AddCircleFilled(ImVec2(canvas_min_.x + p.x, canvas_min_.y + p.y), dot, color(c, a.faded ? theme.faded_opacity : 1.0f), 12);
  }
  draw->PopClipRect();

  if (hovered && hover_.box >= 0) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (record_drawn_) record_drawn();
}

void DiagramView::draw_box(ImDrawList* draw, const Box& b, const layout::Theme& theme, ImFont* font) const {
  const float s = transform_.scale;
  const float opacity = b.faded ? theme.faded_opacity : 1.0f;
  auto screen = [&](const Rect& r) {
    const Vec2 a = transform_.to_screen(r.min());
    return std::pair<ImVec2, ImVec2>{ImVec2(canvas_min_.x + a.x, canvas_min_.y + a.y),
                                      ImVec2(canvas_min_.x + a.x + r.width() * s, canvas_min_.y + a.y + r.height() * s)};
  };
  auto fill = [&](const Rect& r, layout::Rgba c, float rounding = 0.0f) {
    const auto [p0, p1] = screen(r);
    draw->AddRectFilled(p0, p1, color(c, opacity), rounding * s);
  };
  auto text = [&](const Rect& r, float font_size, std::string_view str, float inset, layout::Rgba c) {
    if (str.empty() || font_size * s < 4.0f) return;  // too small to read: skip the glyphs
    const auto [p0, p1] = screen(r);
    const float px = font_size * s;
    draw->AddText(font, px, ImVec2(p0.x + inset * s, (p0.y + p1.y) / 2 - px / 2), color(c, opacity), str.data(), str.data() + str.size());
  };

  const bool frame = b.kind == Box::Kind::Frame;
  const bool function = b.object_kind == layout::ObjectKind::Function || b.object_kind == layout::ObjectKind::Lambda;
  const bool cell = b.object_kind == layout::ObjectKind::Cell;
  layout::Rgba body = frame ? (b.greyed ? theme.greyed_fill : theme.frame_fill) : theme.object_fill;
  layout::Rgba header = frame ? (b.greyed ? theme.greyed_header : theme.frame_header)
                        : function ? theme.function_header
                        : cell     ? theme.cell_header
                                   : theme.object_header;
  layout::Rgba border = frame ? (b.greyed ? theme.greyed_border : theme.frame_border)
                        : function ? theme.function_border
                        : cell     ? theme.cell_border
                                   : theme.object_border;
  float thickness = 1.2f;
  if (frame && b.scope_chain) border = theme.scope_chain, thickness = 1.8f;
  if (frame && b.current) border = theme.current_border, thickness = 2.6f;
  if (b.is_new) border = theme.changed, thickness = 2.2f;
  if (b.highlighted) border = theme.highlight, thickness = 2.6f;

  const float rounding = 3.0f;
  fill(b.rect, body, rounding);
  {
    const auto [h0, h1] = screen(b.header_rect);
    draw->AddRectFilled(h0, h1, color(header, opacity), rounding * s, ImDrawFlags_RoundCornersTop);
  }
  const layout::Rgba muted_text = b.greyed ? theme.text_muted : theme.text;
  for (const layout::Row& r : b.rows)
    if (r.changed) fill({r.rect.x0 + 1, r.rect.y0, r.rect.x1 - 1, r.rect.y1}, theme.changed_row);
  if (!frame) {
    const bool keyed = !b.rows.empty() && b.rows.front().name_rect.width() > 0;
    for (std::size_t i = 1; i < b.rows.size(); ++i) {
      const auto [p0, p1] = screen({b.rect.x0, b.rows[i].rect.y0, b.rect.x1, b.rows[i].rect.y0});
      draw->AddLine(p0, p1, color(theme.value_cell_border, opacity), 1.0f);
    }
    if (keyed) {
      const float x = b.rows.front().name_rect.x1 + layout_.padding / 2;
      const auto [p0, p1] = screen({x, b.rows.front().rect.y0, x, b.rows.back().rect.y1});
      draw->AddLine(p0, p1, color(theme.value_cell_border, opacity), 1.0f);
    }
  }
  text(b.title_rect, layout_.title_font_size, b.title, layout_.padding, muted_text);
  text(b.note_rect, layout_.note_font_size, b.note, layout_.padding, theme.text_muted);
  for (const layout::Row& r : b.rows) {
    if (r.changed) fill({r.rect.x0 + 1, r.rect.y0 + 2, r.rect.x0 + 4, r.rect.y1 - 2}, theme.changed);
    if (frame) {
      const auto [v0, v1] = screen(r.value_rect);
      draw->AddRectFilled(v0, v1, color(theme.value_cell, opacity));
      draw->AddRect(v0, v1, color(theme.value_cell_border, opacity));
    }
    const layout::Rgba name_color = (r.is_return || r.role == layout::VariableRole::FreeVar || !frame) ? theme.text_muted : muted_text;
    text(r.name_rect, layout_.font_size, r.name, 0, name_color);
    text(r.value_rect, layout_.font_size, r.value_text, layout_.padding, theme.value_text);
  }
  if (!b.slots.empty()) {
    const layout::Row& first = b.slots.front();
    text({b.rect.x0, first.rect.y0, first.rect.x0, first.rect.y1}, layout_.font_size, b.closure_label, layout_.padding, theme.text_muted);
    for (const layout::Row& slot : b.slots) {
      const auto [p0, p1] = screen(slot.rect);
      draw->AddRectFilled(p0, p1, color(theme.value_cell, opacity));
      draw->AddRect(p0, p1, color(theme.cell_border, opacity));
      text(slot.name_rect, layout_.font_size, slot.name, 0, theme.text_muted);
    }
  }
  // The border last, over the header band; greyed (retained, suspended) frames dashed.
  const auto [p0, p1] = screen(b.rect);
  if (frame && b.greyed) {
    const ImVec2 corners[5] = {p0, ImVec2(p1.x, p0.y), p1, ImVec2(p0.x, p1.y), p0};
    dashed_polyline(draw, corners, 5, color(border, opacity), thickness, 5.0f * std::max(s, 0.5f), 3.0f * std::max(s, 0.5f));
  } else {
    draw->AddRect(p0, p1, color(border, opacity), rounding * s, 0, thickness);
  }
}

void DiagramView::draw_arrow(ImDrawList* draw, const Arrow& a, const layout::Theme& theme) const {
  const layout::Rgba c = a.highlighted                         ? theme.highlight
                         : a.changed                           ? theme.changed
                         : a.kind == Arrow::Kind::ScopeChain   ? theme.scope_chain
                         : a.kind == Arrow::Kind::Parent       ? theme.parent_arrow
                                                               : theme.arrow;
  const float thickness = a.highlighted ? 2.4f : a.changed || a.kind == Arrow::Kind::ScopeChain ? 2.0f : 1.4f;
  const ImU32 col = color(c, a.faded ? theme.faded_opacity : 1.0f);
  auto at = [&](Vec2 p) {
    const Vec2 q = transform_.to_screen(p);
    return ImVec2(canvas_min_.x + q.x, canvas_min_.y + q.y);
  };
  // The head is a triangle along the curve's last tangent; the curve stops at its base.
  const ImVec2 tip = at(a.p3);
  ImVec2 from = at(a.p2);
  if (std::hypot(tip.x - from.x, tip.y - from.y) < 1.0f) from = at(a.p0);
  float dx = tip.x - from.x, dy = tip.y - from.y;
  const float len = std::max(std::hypot(dx, dy), 0.001f);
  dx /= len;
  dy /= len;
  const float head = std::clamp(10.0f * transform_.scale, 5.0f, 16.0f);
  const ImVec2 base(tip.x - dx * head, tip.y - dy * head);

  // Enough segments for a smooth curve on screen (about one per 10 pixels of its control polygon,
  // which is at least as long as the curve), and no more: short arrows need few.
  constexpr int kMaxSegments = 24;
  const ImVec2 c0 = at(a.p0), c1 = at(a.p1), c2 = at(a.p2);
  const float polygon = std::hypot(c1.x - c0.x, c1.y - c0.y) + std::hypot(c2.x - c1.x, c2.y - c1.y) + std::hypot(tip.x - c2.x, tip.y - c2.y);
  const int segments = std::clamp(static_cast<int>(polygon / 10.0f), 6, kMaxSegments);
  ImVec2 points[kMaxSegments + 1];
  for (int i = 0; i <= segments; ++i) points[i] = at(layout::bezier_point(a, static_cast<float>(i) / static_cast<float>(segments)));
  points[segments] = base;
  if (a.kind == Arrow::Kind::Parent) {
    dashed_polyline(draw, points, segments + 1, col, thickness, 6.0f, 4.0f);
  } else {
    draw->AddPolyline(points, segments + 1, col, 0, thickness);
  }
  const ImVec2 left(base.x - dy * head * 0.45f, base.y + dx * head * 0.45f);
  const ImVec2 right(base.x + dy * head * 0.45f, base.y - dx * head * 0.45f);
  draw->AddTriangleFilled(tip, left, right, col);
}

void DiagramView::record_drawn() {
  using Json = nlohmann::json;
  Json boxes = Json::array();
  for (const Box& b : layout_.boxes) {
    Json rows = Json::array();
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
      const layout::Row& r = b.rows[i];
      Json row = {{"name", r.name}, {"value", r.value_text}, {"reference", r.is_reference}, {"changed", r.changed}, {"return", r.is_return}};
      row["role"] = r.role == layout::VariableRole::CellVar ? "cellvar" : r.role == layout::VariableRole::FreeVar ? "freevar" : "local";
      rows.push_back(std::move(row));
    }
    Json slots = Json::array();
    for (const layout::Row& slot : b.slots) slots.push_back(slot.name);
    Json box = {{"kind", b.kind == Box::Kind::Frame ? "frame" : "object"},
                {"id", b.id},
                {"title", b.title},
                {"note", b.note},
                {"rows", std::move(rows)},
                {"slots", std::move(slots)},
                {"greyed", b.greyed},
                {"current", b.current},
                {"faded", b.faded},
                {"scope_chain", b.scope_chain},
                {"highlighted", b.highlighted}};
    if (b.kind == Box::Kind::Object) box["object_kind"] = object_kind_name(b.object_kind);
    // Where it landed on screen, so a test can tell that it was inside the canvas.
    const Vec2 p0 = transform_.to_screen(b.rect.min());
    box["screen"] = {canvas_min_.x + p0.x, canvas_min_.y + p0.y, b.rect.width() * transform_.scale, b.rect.height() * transform_.scale};
    boxes.push_back(std::move(box));
  }
  Json arrows = Json::array();
  for (const Arrow& a : layout_.arrows) {
    arrows.push_back({{"kind", arrow_kind_name(a.kind)}, {"from", a.from_box}, {"from_row", a.from_row}, {"to", a.to_box},
                      {"changed", a.changed}, {"faded", a.faded}, {"highlighted", a.highlighted}});
  }
  Json out = {{"view", layout_.view == layout::ViewMode::Environment ? "env" : "cells"},
              {"canvas", {canvas_min_.x, canvas_min_.y, canvas_size_.x, canvas_size_.y}},
              {"zoom", transform_.scale},
              {"offset", {transform_.offset.x, transform_.offset.y}},
              {"auto_fit", auto_fit_},
              {"hover", {hover_.box, hover_.row, hover_.slot}},
              {"boxes", std::move(boxes)},
              {"arrows", std::move(arrows)}};
  drawn_json_ = out.dump(1);
}

}  // namespace cv::ui
