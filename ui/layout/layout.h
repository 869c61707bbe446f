// Diagram layout: one step's DiagramModel (+ the previous step's layout) -> boxes, rows, anchors, curves.
#pragma once

// Pure computation: no ImGui, no I/O. The result is drawn by the UI (ImDrawList) or written as SVG
// (svg.h); both draw it in the same explicit order:
//
//   channel 0  background
//   channel 1  scope-chain arcs, in the left margin behind the frames   (Arrow::Kind::ScopeChain)
//   channel 2  boxes: frames, then objects; fill, header, rows, borders (faded boxes first)
//   channel 3  arrows: faded, then normal, then changed, then highlighted; arrowhead at p3
//   channel 4  anchor dots at each arrow's p0, on top so an arrow's start is always visible
//
// Coordinates are diagram units (pixels at zoom 1), y down, origin at the diagram's top-left;
// ViewTransform maps them to the screen for pan and zoom.
//
// Placement (layout.cpp explains the details):
//   * frames in one column on the left, in model order (Global at the top);
//   * objects to the right: each object that was in `previous` keeps its position (relative to the
//     object area, which never moves left); one whose size changed and no longer fits moves down
//     to the nearest free place, so objects of unchanged size never move; new objects go to the
//     right of whatever refers to them first (frames' rows in order, depth first), level with the
//     referring row, moved down until free;
//   * arrows are cubic Beziers from a row's anchor dot to the middle of the target's header edge,
//     bowed up or down when the straight-ish curve would cross another box.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/layout/diagram_model.h"

namespace cv::layout {

struct Vec2 {
  float x = 0, y = 0;
  bool operator==(const Vec2&) const = default;
};

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // top-left, bottom-right
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  Vec2 min() const { return {x0, y0}; }
  bool contains(Vec2 p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
  bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool operator==(const Rect&) const = default;
};

// Width of `text` (UTF-8) drawn at `font_size`. The UI passes ImFont::CalcTextSizeA; tests and the
// SVG writer use fixed_advance_measure().
using TextMeasure = std::function<float(std::string_view text, float font_size)>;

// Every glyph `advance` em wide: exact for a monospace font whose advance is 0.6 em (DejaVu Sans
// Mono, JetBrains Mono), which is the font the SVG writer asks for.
TextMeasure fixed_advance_measure(float advance_em = 0.6f);

struct LayoutStyle {
  TextMeasure measure = fixed_advance_measure();
  float font_size = 13;           // rows and values
  float title_font_size = 13;     // box titles
  float note_font_size = 11;      // the extra header line of retained/suspended frames
  float row_height = 20;
  float header_height = 22;
  float note_height = 16;
  float padding = 6;              // inside boxes, around text
  float margin = 16;              // around the whole diagram
  float scope_margin = 36;        // left of the frames in the Environment view (scope-chain arcs)
  float frame_min_width = 200;
  float frame_gap = 14;           // between frames
  float objects_gap = 90;         // between the frame column and the first object column
  float object_gap_x = 60;        // between an object and the objects it refers to
  float object_gap_y = 14;        // between objects stacked in a column
  float value_min_width = 44;     // a row's value cell
  float slot_min_width = 30;      // a __closure__ slot (Cells view)
  std::size_t max_value_chars = 36;   // inline values longer than this end with "…"
  std::size_t max_items = 40;         // rows of one object; beyond, the last row says "… N more"
  bool parent_arrows_to_global = false;  // Environment view: draw `[parent=Global]` as an arrow too
  // Take an arrow's route (its bowed control points) from `previous` when the arrow starts and ends
  // where it did and no box near it moved, appeared or went: routing then gives the same curve, so
  // stepping re-routes only the arrows near what changed. Off only to check that (tests).
  bool reuse_routes = true;
};

struct Row {
  std::string name;               // binding name, item key; empty for keyless items
  std::string value_text;         // inline text; empty when the value is an arrow
  Rect rect;                      // whole row
  Rect name_rect;                 // empty (zero width) for keyless rows
  Rect value_rect;
  Vec2 anchor;                    // arrow start (centre of the value cell) when the value is a reference
  bool is_reference = false;      // an arrow starts here
  bool changed = false;
  bool is_return = false;         // the Return value / Yield value row of a frame
  VariableRole role = VariableRole::Local;   // frames only
};

struct Box {
  enum class Kind {
    Frame,   // a frame of the model (`id` is its fid)
    Object,  // an object of the model (`id` is its heap id)
  };
  Kind kind = Kind::Frame;
  std::int64_t id = kNoId;
  ObjectKind object_kind = ObjectKind::Other;   // Object boxes
  FrameState frame_state = FrameState::Active;  // Frame boxes
  Rect rect;
  Rect header_rect;               // title (and note) band
  Rect title_rect;                // the title line; text is drawn vertically centred, `padding` in
  Rect note_rect;                 // the note line (zero height without a note)
  std::string title;              // "f1: outer_function [parent=Global]", "func inner_function(y) [parent=f1]"
  std::string note;               // second header line, may be empty
  std::vector<Row> rows;
  std::string closure_label;      // "__closure__" when the box has slots (Cells view functions)
  std::vector<Row> slots;         // __closure__ slots (Cells view functions): name = free variable
  Vec2 header_anchor;             // where a function's parent arrow starts (left edge, header middle)
  bool greyed = false;            // retained or suspended frame
  bool is_new = false;
  bool changed = false;
  bool faded = false;             // unreachable object, drawn once more before it is dropped
  bool current = false;           // the current frame
  bool scope_chain = false;       // on the scope chain of the current frame (Environment view)
  bool highlighted = false;       // set by highlight_related() (hover)
};

struct Arrow {
  enum class Kind {
    Reference,    // from a row's anchor to the object (or frame) its value refers to
    ClosureCell,  // from a __closure__ slot's anchor to the cell (Cells view)
    Parent,       // from a function's header anchor to its parent frame (Environment view)
    ScopeChain,   // from a frame to its parent frame, in the left margin (Environment view)
  };
  Kind kind = Kind::Reference;
  std::size_t from_box = 0;       // index into DiagramLayout::boxes
  int from_row = -1;              // row (Reference) or slot (ClosureCell) index; -1 for the header
  std::size_t to_box = 0;
  Vec2 p0, p1, p2, p3;            // cubic Bezier; p0 = the anchor, p3 on the target box's edge
  Vec2 plain_p1, plain_p2;        // p1, p2 before routing bowed the curve around boxes (reuse_routes)
  bool changed = false;           // new or re-pointed at this step
  bool scope_chain = false;       // part of the current scope chain (Environment view)
  bool faded = false;             // to or from a faded box
  bool highlighted = false;       // set by highlight_related() (hover)
};

struct DiagramLayout {
  ViewMode view = ViewMode::Environment;
  std::vector<Box> boxes;         // frames first (model order), then objects in placement order
  std::vector<Arrow> arrows;      // in draw order within channel 3 (see the top of this file)
  Rect bounds;                    // everything drawn, margins included; starts at (0, 0)
  float objects_origin_x = 0;     // left edge of the object area; positions are kept relative to it
  // The text metrics the layout measured with: renderers draw text at these sizes, `padding` in
  // from the left of its rect, vertically centred.
  float font_size = 13, title_font_size = 13, note_font_size = 11, padding = 6;

  // Index of the box for a frame / an object, or -1.
  int frame_box(FrameId id) const;
  int object_box(ObjectId id) const;
};

// Lays out one step. `previous` (may be null) is the layout of the step drawn before; objects found
// in it keep their places where they can.
DiagramLayout layout_diagram(const DiagramModel& model, const DiagramLayout* previous, const LayoutStyle& style);

// ---- Interaction helpers (pure: the UI keeps the state) -----------------------------------------

// A point of the diagram: which box, and which row, slot or the header.
struct Hit {
  int box = -1;                   // -1: nothing
  int row = -1;                   // row index, or -1
  int slot = -1;                  // __closure__ slot index, or -1
  bool header() const { return box >= 0 && row < 0 && slot < 0; }
};
Hit hit_test(const DiagramLayout& layout, Vec2 point);

// Clears every `highlighted` flag, then marks what relates to the hovered thing: for a box (its
// header), the box, every arrow into it and the boxes those arrows start from; for a row or slot
// holding a reference, the same for its target, plus the row's own arrow.
void highlight_related(DiagramLayout& layout, const Hit& hovered);

// Pan and zoom: screen = diagram * scale + offset.
struct ViewTransform {
  float scale = 1;
  Vec2 offset;
  Vec2 to_screen(Vec2 p) const { return {p.x * scale + offset.x, p.y * scale + offset.y}; }
  Vec2 to_diagram(Vec2 s) const { return {(s.x - offset.x) / scale, (s.y - offset.y) / scale}; }
};
// The transform showing all of `bounds` centred in a viewport of `size`, never magnifying past `max_scale`.
ViewTransform fit_to_view(const Rect& bounds, Vec2 viewport_size, float max_scale = 1.5f);
// Zooms by `factor` keeping the diagram point under `screen_point` fixed.
ViewTransform zoom_about(const ViewTransform& t, Vec2 screen_point, float factor);

// A point of the cubic Bezier at parameter t in [0, 1].
Vec2 bezier_point(const Arrow& a, float t);

}  // namespace cv::layout
