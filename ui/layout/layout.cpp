// Diagram layout: projection of the model onto the view, box sizes, placement, arrow routing.
//
// Design
// ======
// 1. Projection. The model holds both views' facts; the Projector turns each frame and object the
//    view draws into a box with its rows, each row either inline text or a reference to another
//    box (see diagram_model.h for what each view draws). Long containers end with a "… N more"
//    row. An object is then kept only if the frames reach it through drawn references, or if it
//    is fading out: nothing floats unattached, and no arrow ever dangles.
// 2. Sizes. Every text is measured with the injected TextMeasure; all frames get the width of
//    the widest, so the left column is straight.
// 3. Frames are stacked top to bottom in model order. Objects live right of `objects_origin_x`
//    (frame column's right edge + objects_gap, but never left of the previous layout's origin);
//    positions are remembered relative to it, so a wider frame column shifts all objects together.
// 4. Objects, in three passes, each placing a box at the first free place at or below a wanted
//    top-left corner (free = no overlap with any placed object, gaps included):
//      a. kept: objects that were in the previous layout wanting their previous place, those of
//         unchanged size first (so they always stay put), then those that grew or shrank (which
//         move down when they no longer fit);
//      b. new, by reference order: depth first from the frames' rows, then each placed object's
//         rows; a new object wants to be right of the box referring to it, level with the row;
//      c. the rest (fading objects that were not in the previous layout), at the object origin.
//    Placement is a pure function of (model, previous, style): same inputs, same boxes.
// 5. Arrows. A cubic Bezier leaves its anchor horizontally and enters the target's header edge
//    horizontally: an S-curve turning in the gap between the boxes for forward references, a
//    C-curve around the right side for references back, up or down. When samples of the curve
//    fall inside one to three other boxes, cheap variants are tried (turn earlier or later, bow
//    up or down, aimed just above or below each box in the way) and the first crossing fewest
//    boxes wins. Samples are tested against a uniform grid of boxes, which keeps a 50-frame,
//    200-object step around a millisecond (bench/layout_bench.cpp). When stepping, an arrow whose
//    route cannot have changed (RouteCache: same ends, same plain curve, no box moved near it)
//    takes its route from the previous layout instead: the same result, without the sampling.
#include "ui/layout/layout.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace cv::layout {

const DiagramFrame* DiagramModel::find_frame(FrameId id) const {
  for (const DiagramFrame& f : frames)
    if (f.id == id) return &f;
  return nullptr;
}

const DiagramObject* DiagramModel::find_object(ObjectId id) const {
  for (const DiagramObject& o : objects)
    if (o.id == id) return &o;
  return nullptr;
}

int DiagramLayout::frame_box(FrameId id) const {
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (boxes[i].kind == Box::Kind::Frame && boxes[i].id == id) return static_cast<int>(i);
  return -1;
}

int DiagramLayout::object_box(ObjectId id) const {
  for (std::size_t i = 0; i < boxes.size(); ++i)
    if (boxes[i].kind == Box::Kind::Object && boxes[i].id == id) return static_cast<int>(i);
  return -1;
}

namespace {

// ---- Text -----------------------------------------------------------------------------------------

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `max_chars` code points; a cut text ends with "…".
std::string truncate_utf8(std::string_view s, std::size_t max_chars) {
  if (max_chars == 0 || utf8_length(s) <= max_chars) return std::string(s);
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars - 1) break;
      ++chars;
    }
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

constexpr std::size_t kMaxTitleChars = 72;

// ---- 1. Projection --------------------------------------------------------------------------------

// A box's target before positions are known.
struct Target {
  Box::Kind kind = Box::Kind::Object;
  std::int64_t id = kNoId;
};

struct ProtoRow {
  Row row;
  bool has_target = false;
  Target target;
  std::string fallback;   // the text shown instead, should the target not be drawn after all
};

struct Proto {
  Box box;
  std::vector<ProtoRow> rows;
  std::vector<ProtoRow> slots;
  FrameId parent_frame = kNoId;      // Environment view functions: the parent arrow's target
};

class Projector {
 public:
  Projector(const DiagramModel& model, const LayoutStyle& style) : model_(model), style_(style) {
    for (const DiagramFrame& f : model.frames) frames_.emplace(f.id, &f);
    for (const DiagramObject& o : model.objects) objects_.emplace(o.id, &o);
  }

  bool env() const { return model_.view == ViewMode::Environment; }

  bool frame_drawn(const DiagramFrame& f) const { return env() || f.state != FrameState::Retained; }
  bool object_drawn(const DiagramObject& o) const { return !(env() && o.kind == ObjectKind::Cell); }

  bool frame_drawn(FrameId id) const {
    auto it = frames_.find(id);
    return it != frames_.end() && frame_drawn(*it->second);
  }
  bool object_drawn(ObjectId id) const {
    auto it = objects_.find(id);
    return it != objects_.end() && object_drawn(*it->second);
  }

  // A value as a row: an arrow when its target is drawn, otherwise text.
  ProtoRow value_row(std::string name, const Value& v, bool changed) const {
    ProtoRow r;
    r.row.name = std::move(name);
    r.row.changed = changed;
    switch (v.kind) {
      case Value::Kind::Inline: r.row.value_text = truncate_utf8(v.text, style_.max_value_chars); break;
      case Value::Kind::Unbound: r.row.value_text = "(empty)"; break;
      case Value::Kind::Object:
        if (object_drawn(v.id)) {
          r.has_target = true;
          r.target = {Box::Kind::Object, v.id};
          r.fallback = fallback_text(v);
        } else {
          r.row.value_text = fallback_text(v);
        }
        break;
      case Value::Kind::Frame:
        if (frame_drawn(v.id)) {
          r.has_target = true;
          r.target = {Box::Kind::Frame, v.id};
        } else {
          r.row.value_text = v.text.empty() ? "<frame>" : v.text;
        }
        break;
    }
    r.row.is_reference = r.has_target;
    return r;
  }

  std::string fallback_text(const Value& v) const {
    if (!v.text.empty()) return truncate_utf8(v.text, style_.max_value_chars);
    auto it = objects_.find(v.id);
    if (it != objects_.end() && it->second->kind == ObjectKind::Cell) return "<cell>";
    return "<object>";
  }

  std::string frame_label(FrameId id) const {
    auto it = frames_.find(id);
    return it == frames_.end() ? std::string("?") : it->second->label;
  }

  Proto frame(const DiagramFrame& f) const {
    Proto p;
    Box& b = p.box;
    b.kind = Box::Kind::Frame;
    b.id = f.id;
    b.frame_state = f.state;
    b.title = f.title;
    if (f.parent != kNoId) b.title += " [parent=" + frame_label(f.parent) + "]";
    b.title = truncate_utf8(b.title, kMaxTitleChars);
    b.note = truncate_utf8(f.note, kMaxTitleChars);
    b.greyed = f.state == FrameState::Retained || f.state == FrameState::Suspended;
    b.is_new = f.is_new;
    b.current = f.id == model_.current_frame;
    for (const FrameRow& fr : f.rows) {
      if (env()) {
        if (fr.role == VariableRole::FreeVar) continue;                 // read through the parent chain
        if (fr.role == VariableRole::CellVar && fr.value.kind == Value::Kind::Unbound) continue;
        ProtoRow r = value_row(fr.name, fr.value, fr.changed);
        r.row.role = fr.role;
        p.rows.push_back(std::move(r));
      } else {
        Value v = fr.value;
        if (fr.role != VariableRole::Local && fr.cell != kNoId) v = Value::object(fr.cell);
        ProtoRow r = value_row(fr.name, v, fr.changed);
        r.row.role = fr.role;
        p.rows.push_back(std::move(r));
      }
    }
    if (f.has_return_value) {
      ProtoRow r = value_row(f.return_label, f.return_value, true);
      r.row.is_return = true;
      p.rows.push_back(std::move(r));
    }
    return p;
  }

  Proto object(const DiagramObject& o) const {
    Proto p;
    Box& b = p.box;
    b.kind = Box::Kind::Object;
    b.id = o.id;
    b.object_kind = o.kind;
    b.title = truncate_utf8(o.header, kMaxTitleChars);
    b.is_new = o.is_new;
    b.changed = o.changed;
    b.faded = !o.reachable;
    // Long containers show their first items and a last row saying how many more there are.
    const std::size_t limit = std::max<std::size_t>(style_.max_items, 2);
    const std::size_t shown = o.items.size() > limit ? limit - 1 : o.items.size();
    for (std::size_t i = 0; i < shown; ++i) p.rows.push_back(value_row(o.items[i].key, o.items[i].value, o.items[i].changed));
    if (shown < o.items.size()) {
      ProtoRow more;
      more.row.name = "\xE2\x80\xA6";   // …
      more.row.value_text = std::to_string(o.items.size() - shown) + " more";
      for (std::size_t i = shown; i < o.items.size(); ++i) more.row.changed = more.row.changed || o.items[i].changed;
      p.rows.push_back(std::move(more));
    }
    const bool is_function = o.kind == ObjectKind::Function || o.kind == ObjectKind::Lambda;
    if (is_function && env()) {
      if (frame_drawn(o.parent_frame)) {
        const DiagramFrame* parent = frames_.at(o.parent_frame);
        if (style_.parent_arrows_to_global || parent->parent != kNoId) p.parent_frame = o.parent_frame;
      }
    }
    if (is_function && !env() && !o.closure.empty()) {
      b.closure_label = "__closure__";
      for (const ClosureSlot& s : o.closure) {
        ProtoRow r = value_row(s.name, Value::object(s.cell, "<cell>"), false);
        p.slots.push_back(std::move(r));
      }
    }
    return p;
  }

 private:
  const DiagramModel& model_;
  const LayoutStyle& style_;
  std::unordered_map<FrameId, const DiagramFrame*> frames_;
  std::unordered_map<ObjectId, const DiagramObject*> objects_;
};

// ---- 2. Sizes -------------------------------------------------------------------------------------

struct Measured {
  float name_col = 0;    // width of the name column (0 when no row has a name)
  float value_col = 0;   // width of the value cells
  float width = 0;       // the box
  float height = 0;
};

Measured measure_box(const Proto& p, const LayoutStyle& st) {
  const auto& m = st.measure;
  Measured r;
  float header_w = m(p.box.title, st.title_font_size);
  if (!p.box.note.empty()) header_w = std::max(header_w, m(p.box.note, st.note_font_size));
  for (const ProtoRow& row : p.rows) {
    if (!row.row.name.empty()) r.name_col = std::max(r.name_col, m(row.row.name, st.font_size));
    float v = row.has_target ? st.value_min_width : m(row.row.value_text, st.font_size) + 2 * st.padding;
    r.value_col = std::max(r.value_col, std::max(v, st.value_min_width));
  }
  float rows_w = r.value_col + 2 * st.padding + (r.name_col > 0 ? r.name_col + st.padding : 0);
  float slots_w = 0;
  if (!p.slots.empty()) {
    slots_w = m(p.box.closure_label, st.font_size) + 2 * st.padding;
    for (const ProtoRow& s : p.slots)
      slots_w += std::max(st.slot_min_width, m(s.row.name, st.font_size) + 14 + 2 * st.padding) + 2;
    slots_w += st.padding;
  }
  r.width = std::ceil(std::max({header_w + 2 * st.padding, rows_w, slots_w}));
  r.height = st.header_height + (p.box.note.empty() ? 0 : st.note_height) +
             st.row_height * static_cast<float>(p.rows.size() + (p.slots.empty() ? 0 : 1)) +
             (p.rows.empty() && p.slots.empty() ? 2 : st.padding / 2);
  return r;
}

// Places the box's bands and rows once its top-left corner and width are known.
void place_rows(Proto& p, const Measured& m, Vec2 at, float width, const LayoutStyle& st) {
  Box& b = p.box;
  b.rect = {at.x, at.y, at.x + width, at.y + m.height};
  float y = at.y + st.header_height + (b.note.empty() ? 0 : st.note_height);
  b.header_rect = {b.rect.x0, b.rect.y0, b.rect.x1, y};
  b.title_rect = {b.rect.x0, b.rect.y0, b.rect.x1, b.rect.y0 + st.header_height};
  b.note_rect = {b.rect.x0, b.title_rect.y1, b.rect.x1, y};
  b.header_anchor = {b.rect.x0, b.rect.y0 + st.header_height / 2};
  const float inset = 2;
  b.rows.clear();
  for (ProtoRow& pr : p.rows) {
    Row& r = pr.row;
    r.rect = {b.rect.x0, y, b.rect.x1, y + st.row_height};
    float x = b.rect.x0 + st.padding;
    if (m.name_col > 0) {
      r.name_rect = {x, y, x + m.name_col, y + st.row_height};
      x += m.name_col + st.padding;
    } else {
      r.name_rect = {x, y, x, y + st.row_height};
    }
    r.value_rect = {x, y + inset, std::min(x + m.value_col, b.rect.x1 - st.padding), y + st.row_height - inset};
    r.anchor = {(r.value_rect.x0 + r.value_rect.x1) / 2, y + st.row_height / 2};
    b.rows.push_back(std::move(r));   // the proto row keeps its target and marks, which is all that is read later
    y += st.row_height;
  }
  b.slots.clear();
  if (!p.slots.empty()) {
    float x = b.rect.x0 + st.padding + st.measure(b.closure_label, st.font_size) + st.padding;
    for (ProtoRow& ps : p.slots) {
      Row& s = ps.row;
      float w = std::max(st.slot_min_width, st.measure(s.name, st.font_size) + 14 + 2 * st.padding);
      s.rect = {x, y + inset, x + w, y + st.row_height - inset};
      s.name_rect = {x + st.padding, y, x + w - 14 - st.padding, y + st.row_height};
      s.value_rect = {x + w - 14 - st.padding / 2, y + inset, x + w - inset, y + st.row_height - inset};
      s.anchor = {(s.value_rect.x0 + s.value_rect.x1) / 2, y + st.row_height / 2};
      b.slots.push_back(std::move(s));
      x += w + 2;
    }
  }
}

// ---- 4. Free places for objects -------------------------------------------------------------------

// Placed object rectangles, inflated by the gaps and kept sorted by top edge.
class Occupancy {
 public:
  Occupancy(float gap_x, float gap_y) : gap_x_(gap_x), gap_y_(gap_y) {}

  // The first top-left corner at or below `want` (same x) where a w x h box overlaps nothing.
  Vec2 free_place(Vec2 want, float w, float h) const {
    float y = want.y;
    for (bool moved = true; moved;) {
      moved = false;
      for (const Rect& r : taken_) {
        if (r.y0 >= y + h) break;   // sorted by top: nothing further down can overlap
        if (r.x0 < want.x + w && want.x < r.x1 && r.y0 < y + h && y < r.y1) {
          y = r.y1;
          moved = true;
        }
      }
    }
    return {want.x, y};
  }

  // Stored inflated by the full gap on every side: a box flush against it keeps the gap.
  void take(const Rect& r) {
    Rect g{r.x0 - gap_x_, r.y0 - gap_y_, r.x1 + gap_x_, r.y1 + gap_y_};
    auto at = std::upper_bound(taken_.begin(), taken_.end(), g.y0, [](float y, const Rect& q) { return y < q.y0; });
    taken_.insert(at, g);
  }

 private:
  float gap_x_, gap_y_;
  std::vector<Rect> taken_;
};

// ---- 5. Arrows ------------------------------------------------------------------------------------

Vec2 cubic(Vec2 a, Vec2 b, Vec2 c, Vec2 d, float t) {
  float u = 1 - t;
  float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
  return {w0 * a.x + w1 * b.x + w2 * c.x + w3 * d.x, w0 * a.y + w1 * b.y + w2 * c.y + w3 * d.y};
}

// Boxes bucketed into a uniform grid, so that testing a point against "every box" looks at the
// few boxes near it (routing tests thousands of curve samples).
class BoxGrid {
 public:
  BoxGrid(const std::vector<Box>& boxes, float cell) : boxes_(boxes), cell_(cell), inv_cell_(1 / cell) {
    if (boxes.empty()) return;
    Rect all = boxes.front().rect;
    for (const Box& b : boxes)
      all = {std::min(all.x0, b.rect.x0), std::min(all.y0, b.rect.y0), std::max(all.x1, b.rect.x1), std::max(all.y1, b.rect.y1)};
    origin_ = {all.x0 - kInflate, all.y0 - kInflate};
    cols_ = static_cast<int>((all.width() + 2 * kInflate) / cell_) + 1;
    rows_ = static_cast<int>((all.height() + 2 * kInflate) / cell_) + 1;
    start_.assign(static_cast<std::size_t>(cols_ * rows_) + 1, 0);
    // Two passes (count, then fill) give one flat array: no allocation per cell.
    for (int pass = 0; pass < 2; ++pass) {
      std::vector<std::uint32_t> fill;
      if (pass == 1) {
        for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
        entries_.resize(start_.back());
        fill.assign(start_.begin(), start_.end() - 1);
        cell_top_.assign(start_.size() - 1, all.y1);
        cell_bottom_.assign(start_.size() - 1, all.y0);
      }
      for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Rect& r = boxes[i].rect;
        const int cx0 = col(r.x0 - kInflate), cx1 = col(r.x1 + kInflate);
        const int cy0 = row(r.y0 - kInflate), cy1 = row(r.y1 + kInflate);
        for (int y = cy0; y <= cy1; ++y)
          for (int x = cx0; x <= cx1; ++x) {
            const std::size_t c = static_cast<std::size_t>(y * cols_ + x);
            if (pass == 0) {
              ++start_[c + 1];
            } else {
              entries_[fill[c]++] = static_cast<std::uint32_t>(i);
              cell_top_[c] = std::min(cell_top_[c], r.y0);
              cell_bottom_[c] = std::max(cell_bottom_[c], r.y1);
            }
          }
      }
    }
  }

  // Whether some box other than `skip_a`/`skip_b`, grown by kInflate, overlaps `area`.
  bool any_box_in(const Rect& area, std::size_t skip_a, std::size_t skip_b) const {
    if (cols_ == 0 || !(area.x1 >= origin_.x && area.y1 >= origin_.y)) return false;
    const int cx0 = col(area.x0), cx1 = col(area.x1), cy0 = row(area.y0), cy1 = row(area.y1);
    for (int y = cy0; y <= cy1; ++y)
      for (int x = cx0; x <= cx1; ++x) {
        const std::size_t c = static_cast<std::size_t>(y * cols_ + x);
        for (std::uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
          const std::size_t i = entries_[k];
          if (i == skip_a || i == skip_b) continue;
          const Rect& r = boxes_[i].rect;
          if (area.x0 < r.x1 + kInflate && r.x0 - kInflate < area.x1 && area.y0 < r.y1 + kInflate && r.y0 - kInflate < area.y1) return true;
        }
      }
    return false;
  }

  // The highest top and the lowest bottom of the boxes in the grid cells `area` touches: every box
  // whose rectangle, grown by kInflate, overlaps `area` lies between them (others may too).
  // Returns false when those cells hold no box.
  bool vertical_extent_near(const Rect& area, float* top, float* bottom) const {
    if (cols_ == 0 || !(area.x1 >= origin_.x && area.y1 >= origin_.y)) return false;
    const int cx0 = col(area.x0), cx1 = col(area.x1), cy0 = row(area.y0), cy1 = row(area.y1);
    bool any = false;
    for (int y = cy0; y <= cy1; ++y)
      for (int x = cx0; x <= cx1; ++x) {
        const std::size_t c = static_cast<std::size_t>(y * cols_ + x);
        if (start_[c] == start_[c + 1]) continue;
        *top = any ? std::min(*top, cell_top_[c]) : cell_top_[c];
        *bottom = any ? std::max(*bottom, cell_bottom_[c]) : cell_bottom_[c];
        any = true;
      }
    return any;
  }

  // The first box other than `skip_a`/`skip_b` whose rectangle, grown by kInflate, holds `p`; or -1.
  int box_at(Vec2 p, std::size_t skip_a, std::size_t skip_b) const {
    const float fx = (p.x - origin_.x) * inv_cell_, fy = (p.y - origin_.y) * inv_cell_;
    if (!(fx >= 0 && fy >= 0)) return -1;   // also rejects NaN
    const int x = static_cast<int>(fx), y = static_cast<int>(fy);
    if (x >= cols_ || y >= rows_) return -1;
    const std::size_t c = static_cast<std::size_t>(y * cols_ + x);
    for (std::uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
      const std::size_t i = entries_[k];
      if (i == skip_a || i == skip_b) continue;
      const Rect& r = boxes_[i].rect;
      if (p.x > r.x0 - kInflate && p.x < r.x1 + kInflate && p.y > r.y0 - kInflate && p.y < r.y1 + kInflate) return static_cast<int>(i);
    }
    return -1;
  }

 public:
  static constexpr float kInflate = 2;   // boxes are avoided with this much room around them

 private:
  int col(float x) const { return std::clamp(static_cast<int>((x - origin_.x) / cell_), 0, cols_ - 1); }
  int row(float y) const { return std::clamp(static_cast<int>((y - origin_.y) / cell_), 0, rows_ - 1); }

  const std::vector<Box>& boxes_;
  float cell_, inv_cell_;
  Vec2 origin_;
  int cols_ = 0, rows_ = 0;
  std::vector<std::uint32_t> start_;     // cell c holds entries_[start_[c] .. start_[c+1])
  std::vector<std::uint32_t> entries_;
  std::vector<float> cell_top_, cell_bottom_;   // per cell: the extent of the boxes in it
};

class Router {
 public:
  explicit Router(const std::vector<Box>& boxes) : boxes_(boxes), grid_(boxes, 64) {}

  // Number of curve samples inside boxes other than the arrow's own two; counting stops at `limit`
  // hits, or once `hit_boxes` (when given) holds `max_boxes` distinct boxes. Samples are at most 26
  // units apart along the curve (the length below overestimates the arc): the smallest box, a
  // header-only function, is 24 tall and is tested grown by kInflate on each side (28), so a curve
  // passing through any box has a sample inside it.
  int crossings(const Arrow& a, std::vector<std::size_t>* hit_boxes, int limit = 1 << 30,
                std::size_t max_boxes = static_cast<std::size_t>(-1)) const {
    // The curve lies inside its control points' bounding box: nothing there, nothing crossed (most
    // arrows: this skips the sampling).
    const Rect hull{std::min({a.p0.x, a.p1.x, a.p2.x, a.p3.x}), std::min({a.p0.y, a.p1.y, a.p2.y, a.p3.y}),
                    std::max({a.p0.x, a.p1.x, a.p2.x, a.p3.x}), std::max({a.p0.y, a.p1.y, a.p2.y, a.p3.y})};
    if (!grid_.any_box_in(hull, a.from_box, a.to_box)) return 0;
    auto dist = [](Vec2 p, Vec2 q) { return std::hypot(q.x - p.x, q.y - p.y); };
    // Arc length ~ the mean of the chord and the control polygon's length.
    const float length = (dist(a.p0, a.p3) + dist(a.p0, a.p1) + dist(a.p1, a.p2) + dist(a.p2, a.p3)) / 2;
    const int samples = std::clamp(static_cast<int>(length / 26) + 1, 10, 128);
    // Power basis, evaluated by Horner's rule: B(t) = ((c3 t + c2) t + c1) t + p0.
    const Vec2 c1{3 * (a.p1.x - a.p0.x), 3 * (a.p1.y - a.p0.y)};
    const Vec2 c2{3 * (a.p2.x - 2 * a.p1.x + a.p0.x), 3 * (a.p2.y - 2 * a.p1.y + a.p0.y)};
    const Vec2 c3{a.p3.x - 3 * a.p2.x + 3 * a.p1.x - a.p0.x, a.p3.y - 3 * a.p2.y + 3 * a.p1.y - a.p0.y};
    const float dt = 1.0f / static_cast<float>(samples);
    int hits = 0;
    for (int s = 1; s < samples && hits < limit; ++s) {
      const float t = static_cast<float>(s) * dt;
      const Vec2 p{((c3.x * t + c2.x) * t + c1.x) * t + a.p0.x, ((c3.y * t + c2.y) * t + c1.y) * t + a.p0.y};
      const int i = grid_.box_at(p, a.from_box, a.to_box);
      if (i < 0) continue;
      ++hits;
      const std::size_t box = static_cast<std::size_t>(i);
      if (hit_boxes && std::find(hit_boxes->begin(), hit_boxes->end(), box) == hit_boxes->end()) {
        hit_boxes->push_back(box);
        if (hit_boxes->size() >= max_boxes) break;
      }
    }
    return hits;
  }

  // Whether the curve's control points' bounding box is near a box other than its own two (if not,
  // the curve crosses nothing and needs no routing).
  bool near_boxes(const Arrow& a) const { return grid_.any_box_in(control_hull(a), a.from_box, a.to_box); }

  // Everything avoid_boxes(a) can look at, or more: the bounding box of every candidate curve it
  // may try (the plain one, the turns, which stay inside it, and every bow, including those aimed
  // past each box near the plain curve), grown by the room boxes are avoided with. Boxes outside
  // it cannot change the route.
  Rect route_region(const Arrow& a) const {
    const Rect hull = control_hull(a);
    const float mid_y = cubic(a.p0, a.p1, a.p2, a.p3, 0.5f).y;
    float lowest = 0, highest = 0;   // the range of bow offsets
    for (float off : kBows) lowest = std::min(lowest, off), highest = std::max(highest, off);
    // Bows aimed over the highest box near the curve or under the lowest reach furthest.
    float top = 0, bottom = 0;
    if (grid_.vertical_extent_near(hull, &top, &bottom)) {
      lowest = std::min(lowest, bow_over({hull.x0, top, hull.x1, top}, mid_y));
      highest = std::max(highest, bow_under({hull.x0, bottom, hull.x1, bottom}, mid_y));
    }
    const float room = BoxGrid::kInflate + 1;   // + 1: rounding of the bowed control points
    return {hull.x0 - room, hull.y0 + lowest - room, hull.x1 + room, hull.y1 + highest + room};
  }

  // Bows `a` (already holding its plain control points) away from the boxes it crosses. Bowing
  // moves the middle of a curve up or down, which clears one to three boxes in its way; a curve
  // crossing more (a long arrow over a whole column) is left as it is rather than bent wildly.
  // `turns` (may be empty) are other x positions where a forward S-curve may make its turn.
  void avoid_boxes(Arrow& a, std::initializer_list<float> turns = {}) const {
    constexpr std::size_t kMaxBlockers = 3;
    std::vector<std::size_t> in_the_way;
    int best_hits = crossings(a, &in_the_way, 1 << 30, kMaxBlockers + 1);
    if (best_hits == 0 || in_the_way.size() > kMaxBlockers) return;
    const float mid_y = cubic(a.p0, a.p1, a.p2, a.p3, 0.5f).y;
    // Candidates, cheapest first: the first that crosses nothing wins, and a candidate stops being
    // sampled once it is no better than the best so far (ties go to the cheaper one). A candidate
    // either moves the turn of an S-curve (cost 20) or bows the curve (cost: how far).
    struct Candidate {
      float cost;
      Vec2 p1, p2;
    };
    Candidate c[16];
    std::size_t n = 0;
    for (float x : turns) c[n++] = {20, {x, a.p1.y}, {x, a.p2.y}};
    auto bow = [&](float off) { c[n++] = {std::fabs(off), {a.p1.x, a.p1.y + off}, {a.p2.x, a.p2.y + off}}; };
    for (float off : kBows) bow(off);
    for (std::size_t k = 0; k < in_the_way.size(); ++k) {
      const Rect& r = boxes_[in_the_way[k]].rect;
      bow(bow_over(r, mid_y));
      bow(bow_under(r, mid_y));
    }
    std::stable_sort(c, c + n, [](const Candidate& x, const Candidate& y) { return x.cost < y.cost; });
    Vec2 best_p1 = a.p1, best_p2 = a.p2;
    for (std::size_t k = 0; k < n && best_hits > 0; ++k) {
      Arrow t = a;
      t.p1 = c[k].p1;
      t.p2 = c[k].p2;
      int h = crossings(t, nullptr, best_hits);
      if (h < best_hits) {
        best_hits = h;
        best_p1 = c[k].p1;
        best_p2 = c[k].p2;
      }
    }
    a.p1 = best_p1;
    a.p2 = best_p2;
  }

 private:
  // Fixed bows tried for every crossing curve, cheapest first.
  static constexpr float kBows[] = {-60.0f, 60.0f, -120.0f, 120.0f};
  // Bows aimed just over or under box `r`: the curve's middle moves by 3/4 of the offset.
  static float bow_over(const Rect& r, float mid_y) { return (r.y0 - 10 - mid_y) / 0.75f; }
  static float bow_under(const Rect& r, float mid_y) { return (r.y1 + 10 - mid_y) / 0.75f; }
  static Rect control_hull(const Arrow& a) {
    return {std::min({a.p0.x, a.p1.x, a.p2.x, a.p3.x}), std::min({a.p0.y, a.p1.y, a.p2.y, a.p3.y}),
            std::max({a.p0.x, a.p1.x, a.p2.x, a.p3.x}), std::max({a.p0.y, a.p1.y, a.p2.y, a.p3.y})};
  }

  const std::vector<Box>& boxes_;
  BoxGrid grid_;
};

// Routes of the previous layout, reused for arrows whose route cannot have changed: same kind,
// same start and target boxes at the same places, same plain control points, and no box that
// moved, appeared or went overlaps the arrow's route region. Routing is a pure function of those
// (the plain curve and the boxes in that region), so the reused route is the one routing would
// find again; a unit test lays out every step of the lessons both ways and compares.
class RouteCache {
 public:
  RouteCache(const DiagramLayout* previous, const std::vector<Box>& boxes, bool enabled) : boxes_(boxes) {
    if (!previous || !enabled) return;
    std::unordered_map<BoxKey, const Box*, BoxKeyHash> before;
    before.reserve(previous->boxes.size());
    for (const Box& b : previous->boxes) before.emplace(BoxKey{b.kind, b.id}, &b);
    for (const Box& b : boxes) {
      auto it = before.find(BoxKey{b.kind, b.id});
      if (it == before.end()) {
        moved_.push_back(b.rect);
        continue;
      }
      if (!(it->second->rect == b.rect)) {
        moved_.push_back(b.rect);
        moved_.push_back(it->second->rect);
      }
      before.erase(it);
    }
    for (const auto& [key, b] : before) moved_.push_back(b->rect);
    // Past this many changes (another program, a big step) most routes are redone anyway.
    if (moved_.size() > kMaxMoved) return;
    previous_ = previous;
    routes_.reserve(previous->arrows.size());
    for (std::size_t i = 0; i < previous->arrows.size(); ++i) {
      const Arrow& a = previous->arrows[i];
      if (a.kind == Arrow::Kind::ScopeChain) continue;
      routes_.emplace(key_of(*previous, a), i);
    }
  }

  // Sets a's bowed control points from the previous layout when its route cannot have changed.
  bool reuse(Arrow& a, const Router& router) const {
    if (!previous_) return false;
    auto it = routes_.find(key_of(boxes_, a));
    if (it == routes_.end()) return false;
    const Arrow& old = previous_->arrows[it->second];
    if (!(old.p0 == a.p0 && old.p3 == a.p3 && old.plain_p1 == a.p1 && old.plain_p2 == a.p2)) return false;
    if (!(previous_->boxes[old.from_box].rect == boxes_[a.from_box].rect) ||
        !(previous_->boxes[old.to_box].rect == boxes_[a.to_box].rect)) return false;
    const Rect region = router.route_region(a);
    for (const Rect& r : moved_)
      if (r.overlaps(region)) return false;
    a.p1 = old.p1;
    a.p2 = old.p2;
    return true;
  }

 private:
  static constexpr std::size_t kMaxMoved = 256;
  struct BoxKey {
    Box::Kind kind;
    std::int64_t id;
    bool operator==(const BoxKey&) const = default;
  };
  struct BoxKeyHash {
    std::size_t operator()(const BoxKey& k) const { return std::hash<std::int64_t>()(k.id * 2 + (k.kind == Box::Kind::Frame)); }
  };
  struct ArrowKey {
    Arrow::Kind kind;
    BoxKey from;
    int from_row;
    BoxKey to;
    bool operator==(const ArrowKey&) const = default;
  };
  struct ArrowKeyHash {
    std::size_t operator()(const ArrowKey& k) const {
      const BoxKeyHash h;
      return h(k.from) * 31 + h(k.to) * 7 + static_cast<std::size_t>(k.from_row) * 3 + static_cast<std::size_t>(k.kind);
    }
  };
  static ArrowKey key_of(const std::vector<Box>& boxes, const Arrow& a) {
    const Box& from = boxes[a.from_box];
    const Box& to = boxes[a.to_box];
    return {a.kind, {from.kind, from.id}, a.from_row, {to.kind, to.id}};
  }
  static ArrowKey key_of(const DiagramLayout& l, const Arrow& a) { return key_of(l.boxes, a); }

  const std::vector<Box>& boxes_;
  const DiagramLayout* previous_ = nullptr;
  std::vector<Rect> moved_;   // where boxes were or are, for every box that moved, appeared or went
  std::unordered_map<ArrowKey, std::size_t, ArrowKeyHash> routes_;   // previous arrows by key
};

// Middle of the header band's left or right edge.
Vec2 header_edge(const Box& b, bool left, const LayoutStyle& st) {
  return {left ? b.rect.x0 : b.rect.x1, b.rect.y0 + st.header_height / 2};
}

// A reference from an anchor inside `from` to box `to`: into the left edge when `to` is clearly to
// the right of the anchor, otherwise a C-shaped curve into its right edge (back references,
// objects in the same column, self references).
void shape_reference(Arrow& a, const Box& from, const Box& to, const LayoutStyle& st) {
  // Forward: an S-curve that turns in the middle of the gap between the two boxes, so it leaves
  // its own box along its row and enters the target level with its header.
  if (to.rect.x0 >= a.p0.x + 8) {
    a.p3 = header_edge(to, true, st);
    const float turn = to.rect.x0 > from.rect.x1 ? (from.rect.x1 + to.rect.x0) / 2 : (a.p0.x + a.p3.x) / 2;
    a.p1 = {std::max(turn, a.p0.x + 20), a.p0.y};
    a.p2 = {std::min(turn, a.p3.x - 20), a.p3.y};
  } else {
    a.p3 = header_edge(to, false, st);
    float d = std::max(30.0f, 0.3f * std::fabs(a.p3.y - a.p0.y));
    float x = std::max(from.rect.x1, to.rect.x1) + d;   // around the right of both boxes
    a.p1 = {x, a.p0.y};
    a.p2 = {x, a.p3.y};
  }
}

// An object is drawn when the frames reach it through the references the view draws (so neither
// objects behind a "… more" row nor a frame's own function object float around unattached), or
// while it fades out. References from fading boxes to objects not drawn become text.
void drop_unseen_objects(std::vector<Proto>& protos, std::size_t frame_count,
                         const std::unordered_map<std::int64_t, std::size_t>& object_index) {
  std::vector<bool> reached(protos.size(), false);
  std::vector<std::size_t> todo;
  for (std::size_t f = 0; f < frame_count; ++f) todo.push_back(f);
  auto visit = [&](const ProtoRow& r) {
    if (!r.has_target || r.target.kind != Box::Kind::Object) return;
    auto it = object_index.find(r.target.id);
    if (it != object_index.end() && !reached[it->second]) {
      reached[it->second] = true;
      todo.push_back(it->second);
    }
  };
  while (!todo.empty()) {
    const std::size_t i = todo.back();
    todo.pop_back();
    for (const ProtoRow& r : protos[i].rows) visit(r);
    for (const ProtoRow& r : protos[i].slots) visit(r);
  }
  std::size_t out = frame_count;
  for (std::size_t i = frame_count; i < protos.size(); ++i)
    if (reached[i] || protos[i].box.faded) {
      if (out != i) protos[out] = std::move(protos[i]);
      ++out;
    }
  if (out == protos.size()) return;
  protos.resize(out);
  std::unordered_set<std::int64_t> kept;
  for (std::size_t i = frame_count; i < protos.size(); ++i) kept.insert(protos[i].box.id);
  for (Proto& p : protos) {
    for (auto* rows : {&p.rows, &p.slots})
      for (ProtoRow& r : *rows)
        if (r.has_target && r.target.kind == Box::Kind::Object && !kept.count(r.target.id)) {
          r.has_target = false;
          r.row.is_reference = false;
          r.row.value_text = r.fallback;
        }
  }
}

}  // namespace

// ---- layout_diagram ---------------------------------------------------------------------------------

DiagramLayout layout_diagram(const DiagramModel& model, const DiagramLayout* previous, const LayoutStyle& st) {
  DiagramLayout out;
  out.view = model.view;
  out.font_size = st.font_size;
  out.title_font_size = st.title_font_size;
  out.note_font_size = st.note_font_size;
  out.padding = st.padding;
  const bool env = model.view == ViewMode::Environment;
  Projector proj(model, st);

  // 1. Projection.
  std::vector<Proto> protos;
  protos.reserve(model.frames.size() + model.objects.size());
  for (const DiagramFrame& f : model.frames)
    if (proj.frame_drawn(f)) protos.push_back(proj.frame(f));
  const std::size_t frame_count = protos.size();
  for (const DiagramObject& o : model.objects)
    if (proj.object_drawn(o)) protos.push_back(proj.object(o));

  std::unordered_map<std::int64_t, std::size_t> frame_index, object_index;   // id -> proto
  auto index_protos = [&] {
    frame_index.clear();
    object_index.clear();
    for (std::size_t i = 0; i < protos.size(); ++i)
      (i < frame_count ? frame_index : object_index)[protos[i].box.id] = i;
  };
  index_protos();
  drop_unseen_objects(protos, frame_count, object_index);
  index_protos();

  // 2. Sizes.
  std::vector<Measured> sizes;
  sizes.reserve(protos.size());
  for (const Proto& p : protos) sizes.push_back(measure_box(p, st));
  auto target_index = [&](const Target& t) -> std::size_t {
    const auto& index = t.kind == Box::Kind::Frame ? frame_index : object_index;
    auto it = index.find(t.id);
    assert(it != index.end() && "projection only keeps references to drawn boxes");
    return it->second;
  };

  // 3. Frames.
  float frame_w = st.frame_min_width;
  for (std::size_t i = 0; i < frame_count; ++i) frame_w = std::max(frame_w, sizes[i].width);
  const float frames_x = st.margin + (env ? st.scope_margin : 0);
  float y = st.margin;
  for (std::size_t i = 0; i < frame_count; ++i) {
    place_rows(protos[i], sizes[i], {frames_x, y}, frame_w, st);
    y += sizes[i].height + st.frame_gap;
  }
  // The object area never moves left while stepping: a narrower frame column (a wide frame has
  // returned) leaves the objects where they are.
  out.objects_origin_x = frames_x + frame_w + st.objects_gap;
  if (previous) out.objects_origin_x = std::max(out.objects_origin_x, previous->objects_origin_x);

  // 4. Objects.
  std::vector<bool> placed(protos.size(), false);
  Occupancy occupied(st.object_gap_x / 2, st.object_gap_y);   // side by side: half the column gap
  auto place = [&](std::size_t i, Vec2 want) {
    want.x = std::max(want.x, out.objects_origin_x);
    want.y = std::max(want.y, st.margin);
    Vec2 at = occupied.free_place(want, sizes[i].width, sizes[i].height);
    place_rows(protos[i], sizes[i], at, sizes[i].width, st);
    occupied.take(protos[i].box.rect);
    placed[i] = true;
  };

  // a. Objects kept from the previous layout, top to bottom: first those whose size did not change
  //    (they cannot collide with each other, so all of them stay exactly in place), then those that
  //    grew or shrank (a grown object that no longer fits moves down, not its unchanged neighbours).
  if (previous) {
    struct Kept {
      std::size_t index;
      Vec2 at;
      bool resized;
    };
    std::vector<Kept> kept;
    for (const Box& b : previous->boxes) {
      if (b.kind != Box::Kind::Object) continue;
      auto it = object_index.find(b.id);
      if (it == object_index.end()) continue;
      const Measured& m = sizes[it->second];
      const bool resized = m.width != b.rect.width() || m.height != b.rect.height();
      kept.push_back({it->second, {b.rect.x0 - previous->objects_origin_x + out.objects_origin_x, b.rect.y0}, resized});
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
      if (a.resized != b.resized) return !a.resized;
      return a.at.y != b.at.y ? a.at.y < b.at.y : a.at.x < b.at.x;
    });
    for (const Kept& k : kept) place(k.index, k.at);
  }

  // b. New objects in reference order, depth first (explicit stack: object chains can be long).
  struct Visit {
    std::size_t box;
    std::size_t next = 0;   // rows first, then slots
  };
  std::vector<bool> visited(protos.size(), false);
  std::vector<Visit> stack;
  for (std::size_t f = 0; f < frame_count; ++f) {
    stack.push_back({f});
    visited[f] = true;
    while (!stack.empty()) {
      Visit& v = stack.back();
      Proto& from = protos[v.box];
      const std::size_t n_rows = from.rows.size(), n_all = n_rows + from.slots.size();
      if (v.next >= n_all) {
        stack.pop_back();
        continue;
      }
      const std::size_t k = v.next++;
      const ProtoRow& pr = k < n_rows ? from.rows[k] : from.slots[k - n_rows];
      if (!pr.has_target || pr.target.kind == Box::Kind::Frame) continue;
      const std::size_t t = target_index(pr.target);
      if (visited[t]) continue;
      visited[t] = true;
      if (!placed[t]) {
        const Row& r = k < n_rows ? from.box.rows[k] : from.box.slots[k - n_rows];
        float x = v.box < frame_count ? out.objects_origin_x : from.box.rect.x1 + st.object_gap_x;
        place(t, {x, (r.rect.y0 + r.rect.y1) / 2 - st.header_height / 2});
      }
      stack.push_back({t});   // invalidates `v` and `from`; the loop re-reads them
    }
  }

  // c. Objects nothing drawn refers to.
  for (std::size_t i = frame_count; i < protos.size(); ++i)
    if (!placed[i]) place(i, {out.objects_origin_x, st.margin});

  // Boxes: frames in model order, then objects in placement order (top to bottom, left to right).
  std::vector<std::size_t> order(protos.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(frame_count), order.end(),
                   [&](std::size_t a, std::size_t b) {
                     const Rect &ra = protos[a].box.rect, &rb = protos[b].box.rect;
                     return ra.y0 != rb.y0 ? ra.y0 < rb.y0 : ra.x0 < rb.x0;
                   });
  std::vector<std::size_t> box_of(protos.size());
  out.boxes.reserve(protos.size());
  for (std::size_t i : order) {
    box_of[i] = out.boxes.size();
    out.boxes.push_back(std::move(protos[i].box));   // from here on, protos only give their rows' targets and marks
  }

  // Scope chain (Environment view): from the current frame up through the parents.
  std::vector<std::pair<std::size_t, std::size_t>> chain;   // (frame box, parent frame box)
  if (env) {
    std::int64_t id = model.current_frame;
    for (std::size_t guard = 0; guard <= model.frames.size(); ++guard) {
      auto it = frame_index.find(id);
      if (it == frame_index.end()) break;
      Box& b = out.boxes[box_of[it->second]];
      if (b.scope_chain) break;   // a cycle would be a bug in the adapter; do not loop
      b.scope_chain = true;
      const DiagramFrame* f = model.find_frame(id);
      if (!f || f->parent == kNoId) break;
      auto parent = frame_index.find(f->parent);
      if (parent == frame_index.end()) break;
      chain.emplace_back(box_of[it->second], box_of[parent->second]);
      id = f->parent;
    }
  }

  // 5. Arrows.
  Router router(out.boxes);
  const RouteCache routes(previous, out.boxes, st.reuse_routes);
  // Bends a reference or parent arrow around the boxes in its way, or takes its unchanged route.
  auto route = [&](Arrow& a, std::initializer_list<float> turns) {
    a.plain_p1 = a.p1;
    a.plain_p2 = a.p2;
    if (!router.near_boxes(a) || routes.reuse(a, router)) return;
    router.avoid_boxes(a, turns);
  };
  for (const auto& [from, to] : chain) {
    Arrow a;
    a.kind = Arrow::Kind::ScopeChain;
    a.from_box = from;
    a.to_box = to;
    a.scope_chain = true;
    a.p0 = header_edge(out.boxes[from], true, st);
    a.p3 = header_edge(out.boxes[to], true, st);
    float k = std::min(st.scope_margin * 1.2f, 14 + 0.2f * std::fabs(a.p3.y - a.p0.y));
    a.p1 = {a.p0.x - k, a.p0.y};
    a.p2 = {a.p3.x - k, a.p3.y};
    a.plain_p1 = a.p1;
    a.plain_p2 = a.p2;
    out.arrows.push_back(a);
  }
  for (std::size_t i = 0; i < protos.size(); ++i) {
    const Proto& p = protos[i];
    const std::size_t from = box_of[i];
    auto add_reference = [&](const ProtoRow& pr, int index, Arrow::Kind kind) {
      if (!pr.has_target) return;
      Arrow a;
      a.kind = kind;
      a.from_box = from;
      a.from_row = index;
      a.to_box = box_of[target_index(pr.target)];
      const Box& fb = out.boxes[from];
      const Box& tb = out.boxes[a.to_box];
      a.changed = pr.row.changed;
      a.faded = fb.faded || tb.faded;
      a.p0 = kind == Arrow::Kind::ClosureCell ? fb.slots[static_cast<std::size_t>(index)].anchor
                                              : fb.rows[static_cast<std::size_t>(index)].anchor;
      if (tb.kind == Box::Kind::Frame) {   // a generator's frame: frames are left of objects
        a.p3 = header_edge(tb, false, st);
        float d = std::max(30.0f, 0.45f * std::fabs(a.p0.x - a.p3.x));
        a.p1 = {a.p0.x - d, a.p0.y};
        a.p2 = {a.p3.x + d, a.p3.y};
      } else {
        shape_reference(a, fb, tb, st);
      }
      if (tb.kind == Box::Kind::Object && tb.rect.x0 > fb.rect.x1 + 40)   // turn early or late instead
        route(a, {fb.rect.x1 + 20, tb.rect.x0 - 20});
      else
        route(a, {});
      out.arrows.push_back(a);
    };
    for (std::size_t r = 0; r < p.rows.size(); ++r) add_reference(p.rows[r], static_cast<int>(r), Arrow::Kind::Reference);
    for (std::size_t s = 0; s < p.slots.size(); ++s) add_reference(p.slots[s], static_cast<int>(s), Arrow::Kind::ClosureCell);
    if (p.parent_frame != kNoId) {
      Arrow a;
      a.kind = Arrow::Kind::Parent;
      a.from_box = from;
      a.to_box = box_of[frame_index.at(p.parent_frame)];
      const Box& fb = out.boxes[from];
      const Box& tb = out.boxes[a.to_box];
      a.faded = fb.faded;
      a.scope_chain = tb.scope_chain;
      a.p0 = fb.header_anchor;
      a.p3 = header_edge(tb, false, st);
      float d = std::max(30.0f, 0.35f * std::fabs(a.p0.x - a.p3.x));
      a.p1 = {a.p0.x - d, a.p0.y};
      a.p2 = {a.p3.x + d, a.p3.y};
      route(a, {});
      out.arrows.push_back(a);
    }
  }
  // Draw order within channel 3: faded, normal, changed (highlighted ones are drawn last by the
  // renderers, since hovering does not re-run the layout).
  std::stable_sort(out.arrows.begin(), out.arrows.end(), [](const Arrow& a, const Arrow& b) {
    auto rank = [](const Arrow& x) { return x.faded ? 0 : x.changed ? 2 : 1; };
    return rank(a) < rank(b);
  });

  // Bounds: boxes and curves (sampled: the control points' hull is often much larger), plus the margin.
  Rect bounds{0, 0, 0, 0};
  bool first = true;
  auto grow = [&](const Rect& r) {
    if (first) bounds = r, first = false;
    else bounds = {std::min(bounds.x0, r.x0), std::min(bounds.y0, r.y0), std::max(bounds.x1, r.x1), std::max(bounds.y1, r.y1)};
  };
  for (const Box& b : out.boxes) grow(b.rect);
  for (const Arrow& a : out.arrows) {
    for (int i = 0; i <= 16; ++i) {
      Vec2 p = cubic(a.p0, a.p1, a.p2, a.p3, static_cast<float>(i) / 16);
      grow({p.x - 6, p.y - 6, p.x + 6, p.y + 6});   // 6: half an arrowhead
    }
  }
  if (first) bounds = {st.margin, st.margin, st.margin, st.margin};
  out.bounds = {std::min(0.0f, bounds.x0 - st.margin), std::min(0.0f, bounds.y0 - st.margin),
                bounds.x1 + st.margin, bounds.y1 + st.margin};
  return out;
}

// ---- Helpers ------------------------------------------------------------------------------------------

TextMeasure fixed_advance_measure(float advance_em) {
  return [advance_em](std::string_view text, float font_size) {
    return static_cast<float>(utf8_length(text)) * advance_em * font_size;
  };
}

Vec2 bezier_point(const Arrow& a, float t) { return cubic(a.p0, a.p1, a.p2, a.p3, t); }

Hit hit_test(const DiagramLayout& layout, Vec2 point) {
  Hit hit;
  // Objects are drawn after frames: test in reverse draw order so the topmost box wins.
  for (std::size_t i = layout.boxes.size(); i-- > 0;) {
    const Box& b = layout.boxes[i];
    if (!b.rect.contains(point)) continue;
    hit.box = static_cast<int>(i);
    for (std::size_t r = 0; r < b.rows.size(); ++r)
      if (b.rows[r].rect.contains(point)) hit.row = static_cast<int>(r);
    for (std::size_t s = 0; s < b.slots.size(); ++s)
      if (b.slots[s].rect.contains(point)) hit.slot = static_cast<int>(s);
    return hit;
  }
  return hit;
}

void highlight_related(DiagramLayout& layout, const Hit& hovered) {
  for (Box& b : layout.boxes) b.highlighted = false;
  for (Arrow& a : layout.arrows) a.highlighted = false;
  if (hovered.box < 0 || static_cast<std::size_t>(hovered.box) >= layout.boxes.size()) return;
  const std::size_t box = static_cast<std::size_t>(hovered.box);

  // The thing whose referrers light up: the hovered box, or what the hovered row/slot points to.
  std::size_t subject = box;
  if (!hovered.header()) {
    const bool slot = hovered.slot >= 0;
    const int index = slot ? hovered.slot : hovered.row;
    const Arrow::Kind kind = slot ? Arrow::Kind::ClosureCell : Arrow::Kind::Reference;
    bool found = false;
    for (Arrow& a : layout.arrows) {
      if (a.from_box == box && a.from_row == index && a.kind == kind) {
        a.highlighted = true;
        subject = a.to_box;
        found = true;
      }
    }
    if (!found) {   // an inline value: just the box
      layout.boxes[box].highlighted = true;
      return;
    }
  }
  layout.boxes[subject].highlighted = true;
  for (Arrow& a : layout.arrows) {
    if (a.to_box != subject || a.kind == Arrow::Kind::ScopeChain) continue;
    a.highlighted = true;
    layout.boxes[a.from_box].highlighted = true;
  }
}

ViewTransform fit_to_view(const Rect& bounds, Vec2 size, float max_scale) {
  ViewTransform t;
  if (bounds.width() <= 0 || bounds.height() <= 0 || size.x <= 0 || size.y <= 0) return t;
  t.scale = std::min({size.x / bounds.width(), size.y / bounds.height(), max_scale});
  t.offset = {(size.x - bounds.width() * t.scale) / 2 - bounds.x0 * t.scale,
              (size.y - bounds.height() * t.scale) / 2 - bounds.y0 * t.scale};
  return t;
}

ViewTransform zoom_about(const ViewTransform& t, Vec2 screen_point, float factor) {
  ViewTransform z;
  z.scale = t.scale * factor;
  Vec2 d = t.to_diagram(screen_point);
  z.offset = {screen_point.x - d.x * z.scale, screen_point.y - d.y * z.scale};
  return z;
}

}  // namespace cv::layout
