// The diagram pane: a thin ImDrawList layer over ui/layout (pan, zoom, fit, hover), plus a record of what it drew for tests.
#pragma once

#include <string>

#include "imgui.h"
#include "ui/layout/layout.h"
#include "ui/layout/theme.h"

namespace cv::ui {

class DiagramView {
 public:
  DiagramView();

  // Shows a new step. With `keep_places`, objects keep the places they had in the step shown
  // before (stepping); without, the layout starts afresh (a new program, another view).
  // `font` measures text, at the sizes the layout style asks for.
  void show(const layout::DiagramModel& model, bool keep_places, ImFont* font);
  void clear();
  bool empty() const { return layout_.boxes.empty(); }

  // Draws the diagram into a canvas of `size` at the cursor position, handling the mouse: drag to
  // pan, wheel to scroll, Ctrl+wheel to zoom about the pointer, hover to highlight what refers to a binding or object.
  void draw(ImVec2 size, const layout::Theme& theme, ImFont* font);

  // Back to fit-to-window (the view follows the diagram as it grows until the user pans or zooms).
  void fit() { auto_fit_ = true; }
  bool auto_fit() const { return auto_fit_; }
  // Zooms about the canvas centre (toolbar buttons).
  void zoom_by(float factor);
  float zoom() const { return transform_.scale; }
  // Fit-to-window never magnifies past this (large fonts in presentation mode raise it).
  void set_max_fit_scale(float scale) { max_fit_scale_ = scale; }

  const layout::DiagramLayout& layout() const { return layout_; }

  // What the last draw() put on screen, as JSON: every frame and object box with its title and rows
  // (name and inline value, or where its arrow goes), and every arrow drawn. For --dump-diagram.
  std::string drawn_json() const { return drawn_json_; }
  // Records the drawn diagram at the next draw() (off by default: it costs time on every frame).
  void set_record_drawn(bool on) { record_drawn_ = on; }

 private:
  void draw_box(ImDrawList* draw, const layout::Box& box, const layout::Theme& theme, ImFont* font) const;
  void draw_arrow(ImDrawList* draw, const layout::Arrow& arrow, const layout::Theme& theme) const;
  void record_drawn();

  layout::LayoutStyle style_;
  layout::DiagramLayout layout_;
  layout::ViewTransform transform_;
  layout::Hit hover_;
  bool auto_fit_ = true;
  float max_fit_scale_ = 1.25f;
  ImVec2 canvas_min_{0, 0}, canvas_size_{0, 0};
  bool record_drawn_ = false;
  std::string drawn_json_;
};

}  // namespace cv::ui
