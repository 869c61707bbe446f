// Recorder: the TraceHook that turns a running VM's events and writes into a Recording (recording.h).
//
// Design (why it is fast and total)
// =================================
// A step is one VM event (call, line, return, exception). Recording one must not walk
// the heap, so the recorder keeps a shadow: the recorded content of every object it has
// seen, and of every live frame's variables, and at each event only looks at what may
// have changed since the previous event:
//
//   * Frame variables (fast locals, and the cells a frame holds) change only while that
//     frame runs, and control passes between frames only through events. So only the
//     frames that can have run since the previous event are compared with their shadow:
//     the previous event's frame, the frame it returned to, the event's frame and, at a
//     call, its caller. A frame holds a handful of slots; cells are compared through the
//     frames that hold them (STORE_DEREF can only come from such a frame).
//   * Heap objects (lists, dicts, sets, instance and class attributes, globals, function
//     names, exception args, ...) report their writes: every object has a `rec_id`, 0
//     until recorded, and the few places that write displayed state call note_write()
//     (write_observer.h); list storage (ListItems) and hash tables (HashTable) do it in
//     their own members. A write to a recorded object marks the touched index range
//     dirty; at the next event only dirty ranges are compared with the shadow, so an
//     append to a 100,000-item list costs O(1). The few writers that cannot report
//     (the __class__ cell, deques) are handled by explicit calls or by comparing the
//     (rare) objects at every event.
//   * An object is recorded whole the first time a recorded value refers to it (a local,
//     an item of a recorded list, a return value, ...). Objects nothing recorded refers
//     to never cost anything.
//   * The collector tells the recorder when a recorded object is freed (Heap::sweep).
//
// Differences found become changes (set / insert / erase of one content slot) in the
// Recording's log, with per-object checkpoints (recording.h), so the hot path of a line
// event is: compare the running frame's few slots, append one 20-byte step record.
// Correctness is checked by comparing exported traces with CPython's (tests/tracer/).
//
// Exception messages are computed with str(exc) with tracing off, as a settrace
// function would; everything else only reads VM state, so recording never changes
// what a program does or prints.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/recording.h"
#include "core/vm.h"

namespace cv {

struct RecorderOptions {
  uint64_t max_steps = 10'000'000;  // the run stops (status limit) when a further step would exceed this
};

// Thrown from the trace hook at the step limit: stops the program where it is.
struct RecordingLimitReached {};

class Recorder final : public TraceHook, public WriteObserver {
 public:
  explicit Recorder(const RecorderOptions& options = {});
  ~Recorder() override;
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Wraps the program's stdout writer so the recording keeps what was printed when.
  std::function<void(std::string_view)> tee_stdout(std::function<void(std::string_view)> out);

  void on_event(VM& vm, Frame& frame, Event event, int line, Value value, bool is_yield, bool is_unwind) override;
  void on_write(Object* object, uint32_t lo, uint32_t hi) override;
  void on_free(Object* object) override;

  bool limit_reached() const { return limit_reached_; }
  // Ends the recording (stops observing writes) and hands it over.
  Recording finish(RunEnd end);

 private:
  struct Shadow;
  static constexpr uint32_t kValueCacheBit = 0x80000000u;  // rec_id of a str/int/float: table index | this bit

  // ---- values and objects
  RVal conv(Value v);
  uint32_t intern_text(std::string_view text);
  uint32_t capture(Object* o);
  ObjType classify(Object* o) const;
  void build_header(Object* o, ObjType type, std::vector<RVal>& out);
  // Appends the content slots of elements [from, to) of a container (all of them for other kinds).
  void build_elements(Object* o, ObjType type, uint32_t from, uint32_t to, std::vector<RVal>& out);
  uint32_t element_count(Object* o, ObjType type) const;
  uint32_t element_width(ObjType type) const { return type == ObjType::Dict ? 2 : 1; }
  void drain_pending();
  uint32_t fid_of_serial(uint64_t serial) const {
    return serial < fid_of_serial_.size() ? fid_of_serial_[serial] : 0;
  }
  RVal parent_of(uint64_t defining_serial);

  // ---- shadows, changes, checkpoints
  Shadow* new_shadow();
  void release_shadow(uint32_t id);
  uint32_t new_object(ObjType type, Shadow* shadow);
  void add_change(uint32_t id, Shadow* s, Change::Op op, uint32_t index, RVal value);
  void add_checkpoint(uint32_t id, Shadow* s);
  void set_slot(uint32_t id, Shadow* s, uint32_t index, RVal value);
  // Makes s->content[from..] equal `fresh` (whole tail when to_end, else the same length).
  void diff_region(uint32_t id, Shadow* s, uint32_t from, const std::vector<RVal>& fresh, bool to_end);
  void diff_object(uint32_t id, Shadow* s, uint32_t lo, uint32_t hi);
  void flush_heap();

  // ---- frames
  uint32_t code_index(const CodeObject* code);
  void register_frame(Frame& f);
  void diff_frame(Frame& f);
  void diff_cell(CellObject* cell);

  std::string exception_text(VM& vm, ExceptionObject* exc, std::string* type_name);

  RecorderOptions options_;
  Recording rec_;
  VM* vm_ = nullptr;
  bool finished_ = false;
  bool program_over_ = false;  // <module> has returned
  bool limit_reached_ = false;

  std::vector<Shadow*> shadows_;       // by object id; null when dead or not a shadowed object
  std::vector<Shadow*> spare_shadows_;
  std::vector<uint32_t> dirty_;        // ids with a pending write range
  std::vector<uint32_t> polled_;       // ids compared whole at every event (deques)
  std::vector<uint32_t> pending_;      // ids allocated but whose content is not built yet
  std::vector<RVal> scratch_;

  // strings: index by text (the hash set holds indexes into rec_.string_offsets)
  struct TextHash {
    const Recording* rec;
    using is_transparent = void;
    size_t operator()(uint32_t i) const { return std::hash<std::string_view>()(rec->text(i)); }
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  struct TextEq {
    const Recording* rec;
    using is_transparent = void;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(std::string_view a, uint32_t b) const { return a == rec->text(b); }
    bool operator()(uint32_t a, std::string_view b) const { return rec->text(a) == b; }
  };
  std::unordered_set<uint32_t, TextHash, TextEq> texts_;

  std::unordered_map<const CodeObject*, uint32_t> code_indexes_;
  const CodeObject* last_code_ = nullptr;
  uint32_t last_code_index_ = 0;
  std::vector<uint32_t> fid_of_serial_;                 // frame serial -> fid
  std::unordered_map<uint32_t, uint32_t> generator_fid_;  // generator object serial -> fid of its frame

  // what ran since the previous event
  Frame* last_frame_ = nullptr;
  uint64_t last_serial_ = 0;
  size_t last_depth_ = 0;
  bool last_left_ = false;             // the previous event was a return (or yield) of last_frame_
  Frame* resumed_ = nullptr;           // the frame control returned to after it
  uint64_t resumed_serial_ = 0;
  size_t resumed_depth_ = 0;
  std::vector<uint32_t> last_step_at_depth_;
  size_t stdout_marked_ = 0;
};

}  // namespace cv
