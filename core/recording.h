// Recording: one recorded run, independent of the VM: steps, frames, versioned objects, and the StepView query API.
//
// The VM is gone once a run is over, so a Recording holds its own compact copy of
// everything a step shows: values are 8-byte RVals (small ints inline, strings and
// floats in interned tables, other objects by id), and every object, and every
// frame's variables, is a `content` vector of RVals whose history is stored as
//
//   * checkpoints: the whole content at one point (at creation, at wholesale
//     replacement, and again after every ~max(32, size) changes), and
//   * changes: one 20-byte entry per modified slot (set / insert / erase), in one
//     log ordered by time; the changes of one object are also linked in a chain.
//
// A step owns the changes made since the previous step: step s shows the state after
// log entries [0, steps[s].log_end). Two ways to get the state of a step:
//   * StepView(recording, s) ("jumping"): each object is rebuilt on demand from its
//     latest checkpoint before the step plus at most ~max(32, size) chained changes,
//     so opening a step costs O(stack) and each object O(its size), whatever s is;
//   * Cursor ("stepping"): applies the log in order, one step at a time (the export).
// tests/unit/test_recording.cpp checks that the two always agree.
//
// Frames are identified by fid (1, 2, ... in order of their first `call` event) and
// objects by id (1, 2, ... in order of first recording); both are never reused.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cv {

struct ExportCache;  // trace_export.cpp: export ids of the steps step_record_json() numbered so far

// A recorded value in 64 bits. Tag in the low bits:
//   ...1  small int (value << 1 | 1)
//   .000  special: 0 absent (unbound / no value), 1 None, 2 False, 3 True
//   .010  str: index in Recording::strings
//   .100  ref: object id
//   0110  float: index in Recording::floats      1110  big int: index of its decimal digits in strings
class RVal {
 public:
  enum class Kind : uint8_t { Absent, None, Bool, Int, BigInt, Float, Str, Ref };
  constexpr RVal() = default;
  static RVal none() { return from_bits(1u << 3); }
  static RVal boolean(bool b) { return from_bits(b ? 3u << 3 : 2u << 3); }
  static RVal integer(int64_t v) { return from_bits((uint64_t(v) << 1) | 1u); }  // |v| < 2^62
  static bool fits_integer(int64_t v) { return v >= -(int64_t(1) << 62) && v < (int64_t(1) << 62); }
  static RVal str(uint32_t index) { return from_bits((uint64_t(index) << 3) | 2u); }
  static RVal ref(uint32_t id) { return from_bits((uint64_t(id) << 3) | 4u); }
  static RVal float_at(uint32_t index) { return from_bits((uint64_t(index) << 4) | 6u); }
  static RVal bigint_at(uint32_t str_index) { return from_bits((uint64_t(str_index) << 4) | 14u); }
  static RVal from_bits(uint64_t bits) { RVal v; v.bits_ = bits; return v; }

  Kind kind() const {
    if (bits_ & 1u) return Kind::Int;
    switch (bits_ & 7u) {
      case 0: return bits_ == 0 ? Kind::Absent : bits_ == (1u << 3) ? Kind::None : Kind::Bool;
      case 2: return Kind::Str;
      case 4: return Kind::Ref;
      default: return (bits_ & 8u) ? Kind::BigInt : Kind::Float;
    }
  }
  bool is_absent() const { return bits_ == 0; }
  bool is_ref() const { return (bits_ & 7u) == 4u; }
  bool as_bool() const { return bits_ == (3u << 3); }
  int64_t as_int() const { return int64_t(bits_) >> 1; }
  uint32_t index() const { return uint32_t(bits_ >> ((bits_ & 7u) == 6u ? 4 : 3)); }  // str, ref, float, big int
  uint64_t bits() const { return bits_; }
  friend bool operator==(RVal a, RVal b) { return a.bits_ == b.bits_; }
  friend bool operator!=(RVal a, RVal b) { return a.bits_ != b.bits_; }

 private:
  uint64_t bits_ = 0;
};

enum class StepEvent : uint8_t { Call, Line, Return, Exception };
const char* step_event_name(StepEvent e);  // "call", "line", "return", "exception"

// What a recorded object is; the layout of its content (slot indexes) follows each name.
enum class ObjType : uint8_t {
  Frame,         // a frame's variables: [namespace dict (module, class body) | absent, cells..., plain locals...]
  List,          // [class name (subclasses) | absent, attrs dict | absent, items...]
  Tuple,         // same layout as List
  Set,           // same, items in CPython's slot order, absent = empty slot
  FrozenSet,     // same as Set
  Deque,         // same as List
  Dict,          // [class name | absent, attrs dict | absent, key0, value0, key1, value1, ...], absent key = hole
  Cell,          // [owner fid | None, value | absent]
  Function,      // [name, qualname, first line, parent fid | None, defaults tuple | absent, parameters text,
                 //  freevar name 0, cell 0, freevar name 1, cell 1, ...]
  Instance,      // [class, attrs dict | absent]
  Class,         // [name, attrs dict | absent (library classes), base name 0, base name 1, ...]
  Method,        // [function, self]
  Generator,     // [qualname, fid | absent (not started yet)]
  Builtin,       // [name, self | absent]
  Module,        // [name]
  Exception,     // [class name, attrs dict | absent, arg 0, arg 1, ...]
  StaticMethod,  // [function]
  ClassMethod,   // [function]
  Other,         // [type name, repr]
};
const char* obj_type_name(ObjType t);  // the "t" of the export: "list", "function", ...
// Number of fixed slots before the variable part (items, pairs, closure, bases, args).
uint32_t obj_header_size(ObjType t);

// One entry of the change log (20 bytes).
struct Change {
  enum class Op : uint8_t {
    Create,     // object `target` appears; value = checkpoint index
    Reset,      // object `target`'s content is replaced wholesale; value = checkpoint index
    Set,        // content[index] = value
    Insert,     // content.insert(index, value)
    Erase,      // content.erase(index, index + value)
    Return,     // step data: frame `target` returns (or yields) value
    Exception,  // step data: exception in frame `target`; value = (type name str, message str) in 2 x 32 bits
  };
  uint32_t target;    // object id, or fid for Return / Exception
  uint32_t next;      // next change of the same object (0: none yet)
  uint32_t op_index;  // op in the low 4 bits, slot index above
  uint32_t value_lo, value_hi;

  Op op() const { return Op(op_index & 15u); }
  uint32_t index() const { return op_index >> 4; }
  RVal value() const { return RVal::from_bits(uint64_t(value_lo) | (uint64_t(value_hi) << 32)); }
};
static_assert(sizeof(Change) == 20);

struct Checkpoint {
  uint32_t id;           // the object
  uint32_t log_pos;      // content = state after log entries [0, log_pos)
  uint64_t offset;       // in Recording::arena
  uint32_t size;
  uint32_t first_change; // first change of `id` at or after log_pos (0: none)
};

// A code object, as frames show it.
struct CodeRecord {
  enum class Kind : uint8_t { Module, ClassBody, Function };
  Kind kind = Kind::Function;
  uint32_t name = 0;                   // str index: `f`, `<lambda>`, `<listcomp>`, class name, `<module>`
  uint32_t qualname = 0;
  int32_t first_line = 0;
  std::vector<uint32_t> cell_names;    // co_cellvars then co_freevars (str indexes), the Frame content's cells
  std::vector<uint32_t> local_names;   // plain locals in co_varnames order (cell variables excluded)
  uint32_t ncellvars = 0;              // how many of cell_names are cellvars (created by the frame)
};

struct FrameRecord {
  uint32_t code = 0;        // index in Recording::codes
  uint32_t function = 0;    // object id of the running function (0: <module>, class bodies)
  uint32_t parent = 0;      // fid of the frame the function was defined in (0: none)
  uint32_t variables = 0;   // object id of its ObjType::Frame content
  uint32_t first_step = 0;  // its first `call` event
  uint32_t last_step = 0;   // its final `return` event (0: still running / suspended at the end)
  uint32_t generator = 0;   // object id of the generator owning the frame (0: none or not recorded)
};

struct StepRecord {
  uint32_t log_end;      // the state of this step is log entries [0, log_end)
  uint32_t fid;          // frame of the event
  int32_t line;
  uint32_t caller_step;  // latest earlier step one frame shallower: the caller's state (0: none)
  uint32_t packed;       // event (2 bits) | yield << 2 | unwind << 3 | depth << 4

  StepEvent event() const { return StepEvent(packed & 3u); }
  bool is_yield() const { return packed & 4u; }
  bool is_unwind() const { return packed & 8u; }
  uint32_t depth() const { return packed >> 4; }
};

// How the run ended.
struct RunEnd {
  enum class Status : uint8_t { Ok, Error, Limit } status = Status::Ok;
  std::string exc_type, exc_message;  // Error: the line CPython prints last
  std::string message;                // Limit: "stopped after 10,000,000 steps: ..."
};

class Recording {
 public:
  // ---- whole-run queries
  uint32_t step_count() const { return uint32_t(steps.size() - 1); }  // steps are numbered from 1
  const StepRecord& step(uint32_t s) const { return steps[s]; }
  uint32_t depth(uint32_t s) const { return steps[s].depth(); }      // call depth (timeline)
  uint32_t frame_count() const { return uint32_t(frames.size() - 1); }
  const FrameRecord& frame(uint32_t fid) const { return frames[fid]; }
  const CodeRecord& code_of(uint32_t fid) const { return codes[frames[fid].code]; }
  std::string_view frame_name(uint32_t fid) const { return text(code_of(fid).name); }
  uint32_t object_count() const { return uint32_t(objects.size() - 1); }
  ObjType object_type(uint32_t id) const { return objects[id].type; }
  // Steps at which a frame was created (its first call) and returned for good (0: never).
  uint32_t frame_created_step(uint32_t fid) const { return frames[fid].first_step; }
  uint32_t frame_returned_step(uint32_t fid) const { return frames[fid].last_step; }
  // The first step after `s` / last step before `s` at which a variable of frame `fid` is bound,
  // rebound or unbound; 0 when there is none. A cell variable changes with its cell's value.
  uint32_t next_change(uint32_t fid, std::string_view name, uint32_t s) const;
  uint32_t previous_change(uint32_t fid, std::string_view name, uint32_t s) const;
  // The same for one slot of an object's content (e.g. slot 1 of a cell: its value).
  uint32_t next_slot_change(uint32_t id, uint32_t slot, uint32_t s) const;
  uint32_t previous_slot_change(uint32_t id, uint32_t slot, uint32_t s) const;
  // All text the program printed up to and including step s.
  std::string_view stdout_at(uint32_t s) const;

  // ---- values
  std::string_view text(uint32_t str_index) const;
  double float_value(uint32_t index) const { return floats[index]; }
  // An object's content as of the end of log position `pos` (empty if it did not exist yet).
  std::vector<RVal> content_at(uint32_t id, uint32_t pos) const;
  // The step whose changes include log entry `pos`.
  uint32_t step_of_change(uint32_t pos) const;

  size_t memory_bytes() const;  // heap memory held by the recording

  // ---- data (written by the Recorder; read through the queries above where possible)
  struct ObjectRecord {
    ObjType type;
    uint32_t first_checkpoint;   // its creation
    uint32_t last_checkpoint;
  };
  std::vector<StepRecord> steps{StepRecord{}};  // steps[0] is unused
  std::vector<FrameRecord> frames{FrameRecord{}};
  std::vector<CodeRecord> codes;
  std::vector<ObjectRecord> objects{ObjectRecord{}};
  std::vector<Change> log{Change{}};            // log[0] is unused, so that 0 can mean "none"
  std::vector<Checkpoint> checkpoints{Checkpoint{}};
  std::unordered_map<uint32_t, std::vector<uint32_t>> more_checkpoints;  // object id -> all its checkpoints
  std::vector<RVal> arena;                      // checkpoint contents
  std::string string_bytes;                     // strings, back to back
  std::vector<uint64_t> string_offsets{0};      // string i is [string_offsets[i], string_offsets[i + 1])
  std::vector<double> floats;
  std::string stdout_text;
  std::vector<std::pair<uint32_t, uint32_t>> stdout_marks;  // (step, stdout length after it), when it grew
  RunEnd end;
  // step_record_json()'s numbering, made on first use (not part of the recording's content).
  mutable std::shared_ptr<ExportCache> export_cache;

  // Applies one change to a content vector (checkpoint contents come from `arena`).
  void apply(std::vector<RVal>& content, const Change& c) const;
  const Checkpoint* checkpoint_before(uint32_t id, uint32_t pos) const;

 private:
  uint32_t slot_of_variable(uint32_t fid, std::string_view name, uint32_t* id) const;
};

// ---------------------------------------------------------------- stepping in order

// The state at one step, kept up to date by applying the log in order.
class Cursor {
 public:
  explicit Cursor(const Recording& recording) : rec_(recording) {}
  uint32_t step() const { return step_; }
  bool advance();  // to the next step; false at the end
  const std::vector<RVal>& content(uint32_t id) const;  // current content of an object
  bool exists(uint32_t id) const { return id < state_.size() && state_[id].exists; }

 private:
  struct Slot { bool exists = false; std::vector<RVal> content; };
  const Recording& rec_;
  uint32_t step_ = 0;
  uint32_t pos_ = 1;  // next log entry to apply
  std::vector<Slot> state_;
};

// ---------------------------------------------------------------- one step, read-only

struct FrameView {
  uint32_t fid = 0;
  std::string_view func;           // code name: `<module>`, `f`, `<lambda>`, class name, ...
  int line = 0;                    // the line the frame is executing
  uint32_t parent = 0;             // fid of the defining frame (0: none)
  uint32_t function = 0;           // object id of the running function (0: module, class body)
  bool on_stack = true;            // false for retained frames
  bool retained = false;           // returned (or suspended), but the parent of a reachable function
  std::vector<std::pair<std::string_view, RVal>> locals;   // plain locals (module: globals minus dunders)
  std::vector<std::pair<std::string_view, uint32_t>> cells;  // cell and free variables -> cell object id
};

// One object as of a step.
struct ObjectView {
  uint32_t id = 0;
  ObjType type = ObjType::Other;
  std::vector<RVal> content;  // see ObjType for the layout
  uint32_t header() const { return obj_header_size(type); }
};

// What changed at a step relative to the previous one.
struct StepChange {
  enum class Kind : uint8_t { Variable, Object, Created };
  Kind kind;
  uint32_t fid = 0;        // Variable: the frame
  std::string_view name;   // Variable: the variable
  uint32_t id = 0;         // Object / Created: the object
};

class StepView {
 public:
  // With a cursor standing at `step`, contents are read from it (stepping); without one,
  // each object is rebuilt from its checkpoints (jumping).
  StepView(const Recording& recording, uint32_t step, const Cursor* cursor = nullptr);

  uint32_t step() const { return step_; }
  StepEvent event() const { return rec_.steps[step_].event(); }
  int line() const { return rec_.steps[step_].line; }
  bool is_yield() const { return rec_.steps[step_].is_yield(); }
  bool is_unwind() const { return rec_.steps[step_].is_unwind(); }
  std::optional<RVal> return_value() const;                         // Return steps
  std::optional<std::pair<std::string_view, std::string_view>> exception() const;  // Exception steps

  // The stack, bottom first, with each frame's variables.
  const std::vector<FrameView>& stack() const { return stack_; }
  // Any frame's state at this step (on the stack, suspended or returned); fid must have started.
  FrameView frame(uint32_t fid) const;
  // Frames not on the stack that are the parent of a reachable function.
  std::vector<FrameView> retained_frames() const;
  // Every object reachable from the stack (variables, cells, functions, the return value),
  // breadth first; attribute dicts of instances, classes and functions are walked through
  // but listed only when a value refers to them.
  const std::vector<uint32_t>& reachable() const;
  ObjectView object(uint32_t id) const;
  const std::vector<RVal>& content(uint32_t id) const;  // an object's content at this step
  std::string_view stdout_so_far() const { return rec_.stdout_at(step_); }
  std::string_view stdout_new() const;                               // printed since the previous step
  std::vector<StepChange> changes() const;
  // Objects reachable at the previous step and not at this one.
  std::vector<uint32_t> became_unreachable() const;

 private:
  const Recording& rec_;
  uint32_t step_;
  const Cursor* cursor_;
  std::vector<FrameView> stack_;
  mutable std::unordered_map<uint32_t, std::vector<RVal>> cache_;
  mutable std::vector<uint32_t> reachable_;
  mutable bool reachable_done_ = false;
  FrameView frame_view(uint32_t fid, int line, bool on_stack) const;
};

// Reachability over contents (shared by StepView and the export): the ids a content refers
// to as values, plus attribute dicts walked through.
void visit_references(ObjType type, std::span<const RVal> content, std::vector<uint32_t>& values,
                      std::vector<uint32_t>& namespaces);

}  // namespace cv
