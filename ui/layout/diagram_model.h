// The input of the diagram layout: a plain, self-contained description of one step of a program.
#pragma once

// An adapter fills a DiagramModel from whatever recorded the step (trace_to_model.h reads the
// JSON-lines trace of docs/trace-format.md; recording_to_model.h reads a Recording). The model holds
// the facts of the step for BOTH views (frames with their plain, cell and free variables; every
// heap object, cells included); `view` only selects which of them the layout draws:
//
//   Environment view (teaching model)     Cells view (CPython model)
//   - cell objects are not drawn           - cells are small objects
//   - a cell variable's row shows the      - a cell variable's row points to its cell;
//     cell's value, like a local             free variables are listed and point to the cell
//   - free variables are not listed        - functions show __closure__: one slot per cell
//     (read through the parent chain)
//   - functions point to their parent      - functions show no parent arrow
//     frame; the current frame's chain
//     up to Global is the scope chain
//   - retained frames are drawn, greyed     - retained frames are not drawn (their cells live on)
//
// `objects` may hold every heap object of the step: the layout draws those the drawn frames reach
// through the references the view shows (a comprehension's own function object or a tuple shown
// as a dict key's text are left out), plus the unreachable ones fading out.
//
// Ids are the trace's: frame ids are fids, object ids heap ids; both are stable for the whole run,
// which is what lets the layout keep an object in place from one step to the next.

#include <cstdint>
#include <string>
#include <vector>

namespace cv::layout {

using FrameId = std::int64_t;   // a frame's fid
using ObjectId = std::int64_t;  // a heap object's id
inline constexpr std::int64_t kNoId = -1;

enum class ViewMode {
  Environment,  // frames and parent links: the environment-diagram teaching model
  Cells,        // CPython's cells and __closure__ tuples
};

// What a row (or an item) holds.
struct Value {
  enum class Kind {
    Inline,   // `text` is the primitive as Python's repr shows it: 5, 'hi', None, 2.5
    Object,   // `id` is an object of the model (drawn as an arrow)
    Frame,    // `id` is a frame of the model (a generator's frame; drawn as an arrow)
    Unbound,  // an empty cell (no value yet, or deleted)
  };
  Kind kind = Kind::Unbound;
  std::string text;      // Inline: the repr. Object/Frame: optional fallback text, drawn when the
                         // target is not in the model (e.g. "<list>")
  std::int64_t id = kNoId;

  static Value inline_text(std::string repr) { return {Kind::Inline, std::move(repr), kNoId}; }
  static Value object(ObjectId id, std::string fallback = {}) { return {Kind::Object, std::move(fallback), id}; }
  static Value frame(FrameId id) { return {Kind::Frame, {}, id}; }
  static Value unbound() { return {}; }
  bool is_reference() const { return kind == Kind::Object || kind == Kind::Frame; }
  bool operator==(const Value&) const = default;
};

// ---- Frames -------------------------------------------------------------------------------------

enum class FrameState {
  Active,     // on the stack, below the current frame
  Current,    // the innermost frame on the stack: the one executing this step
  Returned,   // on the stack and returning at this step (`return_value` holds what it returns)
  Retained,   // returned earlier, kept as the parent of live functions (`retained_by`)
  Suspended,  // a generator's frame between a yield and the next resumption
};

enum class VariableRole {
  Local,    // a plain local (for Global: a global); `value` is its value
  CellVar,  // the frame's own cell variable (co_cellvars): `cell` is the cell, `value` its content
  FreeVar,  // a free variable read through the function's closure: `cell`, `value` as for CellVar
};

struct FrameRow {
  std::string name;
  Value value;                 // for CellVar/FreeVar: the cell's content (Unbound when empty)
  VariableRole role = VariableRole::Local;
  ObjectId cell = kNoId;       // CellVar/FreeVar: the cell object
  bool changed = false;        // new binding or new value at this step
};

struct DiagramFrame {
  FrameId id = kNoId;
  std::string label;           // short name used in [parent=...]: "Global", "f1"
  std::string title;           // "Global frame", "f1: outer_function"
  FrameId parent = kNoId;      // the defining environment (kNoId for Global only)
  FrameState state = FrameState::Active;
  std::vector<ObjectId> retained_by;   // Retained: the live functions that keep it
  std::string note;            // extra header line: "retained by inner_function", "suspended at yield"
  std::vector<FrameRow> rows;  // in display order
  bool has_return_value = false;
  std::string return_label = "Return value";   // or "Yield value"
  Value return_value;
  bool is_new = false;         // first step this frame is drawn
};

// ---- Objects ------------------------------------------------------------------------------------

enum class ObjectKind {
  Function,   // def function: `header` "func inner_function(y) [parent=f1]"
  Lambda,     // lambda: `header` "λ <line 4> [parent=f1]"
  Cell,       // a cell: one item without key, its content
  List,       // items keyed by index
  Tuple,      // items keyed by index
  Dict,       // items keyed by the key's repr
  Set,        // set and frozenset: items without keys
  Instance,   // items are attributes
  Class,      // items are class attributes
  Method,     // bound method: items __func__ and __self__
  Generator,  // items: its frame (a Frame reference) while the generator has one
  Other,      // anything else (builtin, module, range, exception, ...): items or a repr item
};

struct ObjectItem {
  std::string key;             // "0", "'a'", "count"; empty for set items, cells and reprs
  Value value;
  bool changed = false;        // new or changed at this step
};

struct ClosureSlot {
  std::string name;            // the free variable (co_freevars order)
  ObjectId cell = kNoId;
};

struct DiagramObject {
  ObjectId id = kNoId;
  ObjectKind kind = ObjectKind::Other;
  std::string header;          // the box title
  std::vector<ObjectItem> items;
  FrameId parent_frame = kNoId;          // Function/Lambda: defining environment (Environment view arrow)
  std::vector<ClosureSlot> closure;      // Function/Lambda: __closure__ (Cells view slots)
  bool is_new = false;         // first step with this object
  bool changed = false;        // some item or the header changed at this step
  bool reachable = true;       // false: gone at this step, drawn faded once, then dropped
};

// ---- One step -----------------------------------------------------------------------------------

struct DiagramModel {
  ViewMode view = ViewMode::Environment;
  std::vector<DiagramFrame> frames;    // stack order (Global first); retained and suspended frames
                                       // interleaved by creation order
  std::vector<DiagramObject> objects;  // any order; the layout places them by reference order
  FrameId current_frame = kNoId;       // the innermost frame on the stack

  const DiagramFrame* find_frame(FrameId id) const;
  const DiagramObject* find_object(ObjectId id) const;
};

}  // namespace cv::layout
