// Adapter from a Recording to DiagramModel: the trace export's view of a step, built from StepView without JSON.
#include "ui/layout/recording_to_model.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "core/recorder.h"
#include "ui/layout/explain.h"
#include "ui/layout/model_common.h"
#include "ui/layout/trace_to_model.h"

namespace cv::layout {

using namespace detail;

namespace {

// Class attributes the export leaves out (and __doc__ when it is None).
constexpr std::string_view kClassAttrsHidden[] = {"__module__", "__dict__", "__weakref__", "__qualname__"};

RVal slot(const std::vector<RVal>& content, std::size_t i) { return i < content.size() ? content[i] : RVal(); }

// The (key, value) pairs of a dict content, holes skipped (layout in core/recording.h).
template <class F>
void for_each_pair(const std::vector<RVal>& dict, F&& f) {
  for (std::size_t i = 2; i + 1 < dict.size(); i += 2)
    if (!dict[i].is_absent()) f(dict[i], dict[i + 1]);
}

// One step's objects, in the order and with the membership the trace export writes its heap:
// each stack frame's function, locals and cells, then the return value, then breadth first the
// values each object writes, in the order it writes them.
class HeapOrder {
 public:
  HeapOrder(const Recording& rec, const StepView& view) : rec_(rec), view_(view) {
    for (const FrameView& f : view.stack()) {
      if (f.function) reference(f.function);
      for (const auto& [name, value] : f.locals) value_of(value);
      for (const auto& [name, cell] : f.cells) reference(cell);
    }
    if (auto r = view.return_value()) value_of(*r);
    for (std::size_t i = 0; i < order_.size(); ++i) children(order_[i]);
  }
  const std::vector<std::uint32_t>& order() const { return order_; }
  bool contains(std::uint32_t id) const { return present_.count(id) > 0; }

 private:
  void reference(std::uint32_t id) {
    if (present_.insert(id).second) order_.push_back(id);
  }
  void value_of(RVal v) {
    if (v.is_ref()) reference(v.index());
  }
  void attrs(RVal ns, bool hide_class_entries) {
    if (!ns.is_ref()) return;
    for_each_pair(view_.content(ns.index()), [&](RVal k, RVal value) {
      if (hide_class_entries && k.kind() == RVal::Kind::Str) {
        std::string_view name = rec_.text(k.index());
        if (std::find(std::begin(kClassAttrsHidden), std::end(kClassAttrsHidden), name) != std::end(kClassAttrsHidden)) return;
        if (name == "__doc__" && value.kind() == RVal::Kind::None) return;
      }
      value_of(value);
    });
  }
  void items(const std::vector<RVal>& c, std::size_t from) {
    for (std::size_t i = from; i < c.size(); ++i) value_of(c[i]);
  }
  void children(std::uint32_t id) {
    const ObjType type = rec_.object_type(id);
    const std::vector<RVal>& c = view_.content(id);
    const std::size_t h = obj_header_size(type);
    switch (type) {
      case ObjType::List: case ObjType::Tuple: case ObjType::Set: case ObjType::FrozenSet: case ObjType::Deque:
        items(c, h);
        if (!slot(c, 0).is_absent()) attrs(slot(c, 1), false);
        break;
      case ObjType::Dict:
        for_each_pair(c, [&](RVal k, RVal value) {
          value_of(k);
          value_of(value);
        });
        if (!slot(c, 0).is_absent()) attrs(slot(c, 1), false);
        break;
      case ObjType::Cell:
        value_of(slot(c, 0));
        value_of(slot(c, 1));
        break;
      case ObjType::Function:
        for (std::size_t i = 0; i < 4; ++i) value_of(slot(c, i));
        for (std::size_t i = h; i + 1 < c.size(); i += 2) {
          value_of(c[i]);
          reference(c[i + 1].index());
          value_of(slot(view_.content(c[i + 1].index()), 1));
        }
        if (slot(c, 4).is_ref()) items(view_.content(c[4].index()), 2);
        break;
      case ObjType::Instance:
        attrs(slot(c, 1), false);
        break;
      case ObjType::Class:
        value_of(slot(c, 0));
        items(c, h);
        attrs(slot(c, 1), true);
        break;
      case ObjType::Method:
        value_of(slot(c, 0));
        value_of(slot(c, 1));
        break;
      case ObjType::Generator: case ObjType::Builtin:
        value_of(slot(c, 0));
        value_of(slot(c, 1));
        break;
      case ObjType::Module: case ObjType::StaticMethod: case ObjType::ClassMethod:
        value_of(slot(c, 0));
        break;
      case ObjType::Exception:
        value_of(slot(c, 0));
        items(c, h);
        attrs(slot(c, 1), false);
        break;
      case ObjType::Other: case ObjType::Frame:
        break;
    }
  }

  const Recording& rec_;
  const StepView& view_;
  std::vector<std::uint32_t> order_;
  std::unordered_set<std::uint32_t> present_;
};

}  // namespace

// ---- The recording --------------------------------------------------------------------------------

struct RecordingModels::Impl {
  // What the whole recording says about one frame (indexed by fid).
  struct FrameInfo {
    std::string func;
    FrameId raw_parent = kNoId;
    ObjectId fn = kNoId;
    bool is_module = false;
    bool is_class_body = false;
    FrameId stack_below = kNoId;   // the frame under it at its first step (a class body's creator)
    std::string label;             // "Global", "f1"
  };

  const Recording& rec;
  std::vector<std::string> source_lines;
  std::vector<FrameInfo> frames;               // by fid; frames[0] unused
  FrameId module_fid = kNoId;
  std::unordered_map<std::uint32_t, std::uint32_t> first_frame_of_function;   // fn id -> lowest fid running it
  std::vector<std::pair<std::uint32_t, std::uint32_t>> yield_steps;           // (fid, step), sorted
  mutable std::unordered_map<std::uint32_t, std::optional<Signature>> call_signatures;

  Impl(const Recording& recording, std::string_view source);

  const FrameInfo* info(FrameId fid) const {
    return fid > 0 && static_cast<std::size_t>(fid) < frames.size() ? &frames[static_cast<std::size_t>(fid)] : nullptr;
  }
  std::string label_of(FrameId fid) const {
    const FrameInfo* f = info(fid);
    return f ? f->label : "?";
  }
  FrameId env_parent_of(FrameId raw) const {
    for (int guard = 0; guard < 64; ++guard) {
      if (raw == kNoId) return module_fid;
      const FrameInfo* f = info(raw);
      if (!f || !f->is_class_body) return raw;
      raw = f->stack_below;
    }
    return module_fid;
  }
  FrameId frame_env_parent(const FrameInfo& f) const {
    if (f.is_module) return kNoId;
    return env_parent_of(f.is_class_body ? f.stack_below : f.raw_parent);
  }
  std::string title_of(const FrameInfo& f) const {
    if (f.is_module) return "Global frame";
    if (f.is_class_body) return f.label + ": class " + f.func;
    if (f.func == "<lambda>") return f.label + ": \xCE\xBB";   // λ
    return f.label + ": " + f.func;
  }
  std::string_view str(RVal v) const { return v.kind() == RVal::Kind::Str ? rec.text(v.index()) : std::string_view(); }

  // The last step <= s at which frame `fid` was on the stack, for a frame off the stack at s: it
  // leaves the stack only through its own `return` event (final, or a generator's yield). 0: none.
  std::uint32_t last_on_stack(std::uint32_t fid, std::uint32_t s) const {
    std::uint32_t best = 0;
    const std::uint32_t last = rec.frame_returned_step(fid);
    if (last != 0 && last <= s) best = last;
    auto it = std::upper_bound(yield_steps.begin(), yield_steps.end(), std::make_pair(fid, s));
    if (it != yield_steps.begin() && std::prev(it)->first == fid) best = std::max(best, std::prev(it)->second);
    return best;
  }

  std::string type_text(const StepView& v, std::uint32_t id) const;
  Value to_value(const StepView& v, RVal x) const;
  std::string key_text(const StepView& v, RVal k, const HeapOrder& heap) const;
  std::string name_key(const StepView& v, std::uint32_t id) const;   // the export's "name" of an object
  std::optional<Signature> call_signature(std::uint32_t fn) const;
  std::optional<Signature> signature(const StepView& v, std::uint32_t fn) const;
  // Frame `fid` as the trace recorded it at step k, when it was last on the stack.
  FrameView recorded_frame(std::uint32_t fid, std::uint32_t k) const;
  std::vector<FrameRow> frame_rows(const StepView& v, const HeapOrder& heap, const FrameView& frame, std::uint32_t recorded_step) const;
  DiagramObject object(const StepView& v, const HeapOrder& heap, std::uint32_t id) const;
  DiagramModel facts(std::uint32_t s) const;
};

RecordingModels::Impl::Impl(const Recording& recording, std::string_view source) : rec(recording) {
  if (!source.empty()) source_lines = split_lines(source);
  frames.resize(static_cast<std::size_t>(rec.frame_count()) + 1);
  int n = 0;
  for (std::uint32_t fid = 1; fid <= rec.frame_count(); ++fid) {
    FrameInfo& f = frames[fid];
    const FrameRecord& fr = rec.frame(fid);
    f.func = std::string(rec.frame_name(fid));
    f.raw_parent = fr.parent ? FrameId(fr.parent) : kNoId;
    f.fn = fr.function ? ObjectId(fr.function) : kNoId;
    f.is_module = f.func == "<module>" && f.fn == kNoId;
    f.is_class_body = !f.is_module && f.fn == kNoId;
    // The frame under it at its first step: the caller's step is the latest one a frame shallower.
    if (fr.first_step >= 1 && fr.first_step <= rec.step_count())
      if (std::uint32_t below = rec.step(fr.first_step).caller_step) f.stack_below = rec.step(below).fid;
    if (f.is_module && module_fid == kNoId) module_fid = fid;
    // Labels: Global, then f1, f2, ... by first call (fids are handed out in that order).
    f.label = f.is_module ? "Global" : "f" + std::to_string(++n);
    if (fr.function) first_frame_of_function.emplace(fr.function, fid);
  }
  for (std::uint32_t s = 1; s <= rec.step_count(); ++s) {
    const StepRecord& sr = rec.step(s);
    if (sr.event() == StepEvent::Return && sr.is_yield()) yield_steps.emplace_back(sr.fid, s);
  }
  std::sort(yield_steps.begin(), yield_steps.end());
}

std::string RecordingModels::Impl::name_key(const StepView& v, std::uint32_t id) const {
  switch (rec.object_type(id)) {
    case ObjType::Function: case ObjType::Class: case ObjType::Generator: case ObjType::Builtin: case ObjType::Module:
      return std::string(str(slot(v.content(id), 0)));
    default:
      return {};
  }
}

std::string RecordingModels::Impl::type_text(const StepView& v, std::uint32_t id) const {
  const ObjType type = rec.object_type(id);
  const std::vector<RVal>& c = v.content(id);
  if (type == ObjType::Instance) {
    std::string_view name = "?";
    if (slot(c, 0).is_ref()) {
      const std::vector<RVal>& cls = v.content(c[0].index());
      if (!cls.empty()) name = str(cls[0]);
    }
    return "<" + std::string(name) + " instance>";
  }
  if (type == ObjType::Function) return "<function " + std::string(str(slot(c, 0))) + ">";
  if (type == ObjType::Other || type == ObjType::Frame) return "<" + std::string(str(slot(c, 0))) + ">";
  return "<" + std::string(obj_type_name(type)) + ">";
}

Value RecordingModels::Impl::to_value(const StepView& v, RVal x) const {
  switch (x.kind()) {
    case RVal::Kind::Absent: return Value::unbound();
    case RVal::Kind::None: return Value::inline_text("None");
    case RVal::Kind::Bool: return Value::inline_text(x.as_bool() ? "True" : "False");
    case RVal::Kind::Int: return Value::inline_text(std::to_string(x.as_int()));
    case RVal::Kind::BigInt: return Value::inline_text(std::string(rec.text(x.index())));
    case RVal::Kind::Float: return Value::inline_text(python_float_repr(rec.float_value(x.index())));
    case RVal::Kind::Str: return Value::inline_text(python_str_repr(rec.text(x.index())));
    case RVal::Kind::Ref: return Value::object(x.index(), type_text(v, x.index()));
  }
  return Value::unbound();
}

// A dict key as text: its repr, or for a tuple/frozenset of primitives "(1, 2)".
std::string RecordingModels::Impl::key_text(const StepView& v, RVal k, const HeapOrder& heap) const {
  Value key = to_value(v, k);
  if (key.kind != Value::Kind::Object || !heap.contains(k.index())) return key.text;
  const ObjType type = rec.object_type(k.index());
  if (type != ObjType::Tuple && type != ObjType::FrozenSet) return key.text;
  const std::vector<RVal>& c = v.content(k.index());
  std::string out = type == ObjType::Tuple ? "(" : "frozenset({";
  std::size_t count = 0;
  for (std::size_t i = obj_header_size(type); i < c.size(); ++i) {
    if (type == ObjType::FrozenSet && c[i].is_absent()) continue;
    Value item = to_value(v, c[i]);
    if (item.kind != Value::Kind::Inline) return key.text;
    if (count++) out += ", ";
    out += item.text;
  }
  if (type == ObjType::Tuple) out += count == 1 ? ",)" : ")";
  else out += "})";
  return out;
}

// The parameters seen at the function's first call: what is bound at a `call` event is exactly the
// arguments (plain locals, and cells that hold a value and are not free variables).
std::optional<Signature> RecordingModels::Impl::call_signature(std::uint32_t fn) const {
  if (auto it = call_signatures.find(fn); it != call_signatures.end()) return it->second;
  std::optional<Signature> result;
  auto first = first_frame_of_function.find(fn);
  if (first != first_frame_of_function.end()) {
    const std::uint32_t fid = first->second, k = rec.frame_created_step(fid);
    if (k >= 1 && k <= rec.step_count() && rec.step(k).event() == StepEvent::Call) {
      StepView at(rec, k);
      if (!at.stack().empty() && at.stack().back().fid == fid) {
        const FrameView& f = at.stack().back();
        std::unordered_set<std::string_view> free;
        const std::vector<RVal>& fc = at.content(fn);
        for (std::size_t i = obj_header_size(ObjType::Function); i + 1 < fc.size(); i += 2) free.insert(str(fc[i]));
        Signature sig;
        for (const auto& [name, value] : f.locals) sig.names.emplace_back(name);
        for (const auto& [name, cell] : f.cells)
          if (!free.count(name) && !slot(at.content(cell), 1).is_absent()) sig.names.emplace_back(name);
        sig.text = "(";
        for (std::size_t i = 0; i < sig.names.size(); ++i) sig.text += (i ? ", " : "") + sig.names[i];
        sig.text += ")";
        result = std::move(sig);
      }
    }
  }
  call_signatures.emplace(fn, result);
  return result;
}

// From the source (`def name(` at the function's first line), else from its first call.
std::optional<Signature> RecordingModels::Impl::signature(const StepView& v, std::uint32_t fn) const {
  const std::vector<RVal>& c = v.content(fn);
  const RVal line = slot(c, 2);
  if (auto s = signature_from_source(source_lines, line.kind() == RVal::Kind::Int ? int(line.as_int()) : 0, str(slot(c, 0)))) return s;
  return call_signature(fn);
}

FrameView RecordingModels::Impl::recorded_frame(std::uint32_t fid, std::uint32_t k) const {
  const FrameRecord& fr = rec.frame(fid);
  const CodeRecord& code = rec.code_of(fid);
  if (code.kind != CodeRecord::Kind::Function) {   // module, class body: StepView knows their namespaces
    StepView at(rec, k);
    for (const FrameView& f : at.stack())
      if (f.fid == fid) return f;
    return FrameView{};
  }
  FrameView f;
  f.fid = fid;
  f.func = rec.text(code.name);
  f.line = rec.step(k).line;
  f.parent = fr.parent;
  f.function = fr.function;
  f.on_stack = false;
  const std::vector<RVal> c = rec.content_at(fr.variables, rec.step(k).log_end);
  for (std::size_t i = 0; i < code.cell_names.size() && 1 + i < c.size(); ++i)
    if (c[1 + i].is_ref()) f.cells.emplace_back(rec.text(code.cell_names[i]), c[1 + i].index());
  for (std::size_t i = 0; i < code.local_names.size(); ++i) {
    RVal value = slot(c, 1 + code.cell_names.size() + i);
    if (!value.is_absent()) f.locals.emplace_back(rec.text(code.local_names[i]), value);
  }
  return f;
}

std::vector<FrameRow> RecordingModels::Impl::frame_rows(const StepView& v, const HeapOrder& heap, const FrameView& frame,
                                                        std::uint32_t recorded_step) const {
  std::vector<FrameRow> rows;
  rows.reserve(frame.locals.size() + frame.cells.size());
  for (const auto& [name, value] : frame.locals) {
    FrameRow r;
    r.name = std::string(name);
    r.value = to_value(v, value);
    rows.push_back(std::move(r));
  }
  std::unordered_set<std::string_view> free;
  if (const FrameInfo* f = info(frame.fid); f && f->fn != kNoId && !frame.cells.empty()) {
    const std::vector<RVal>& fc = v.content(static_cast<std::uint32_t>(f->fn));
    for (std::size_t i = obj_header_size(ObjType::Function); i + 1 < fc.size(); i += 2) free.insert(str(fc[i]));
  }
  for (const auto& [name, cell] : frame.cells) {
    FrameRow r;
    r.name = std::string(name);
    r.cell = cell;
    // The cell's content now when it is in this step's heap, else as recorded.
    std::vector<RVal> recorded;
    const std::vector<RVal>* content = &v.content(cell);
    if (!heap.contains(cell) && recorded_step != v.step()) {
      recorded = rec.content_at(cell, rec.step(recorded_step).log_end);
      content = &recorded;
    }
    r.value = to_value(v, slot(*content, 1));
    const RVal owner = slot(*content, 0);
    const bool is_free = owner.kind() == RVal::Kind::Int ? FrameId(owner.as_int()) != FrameId(frame.fid) : free.count(name) > 0;
    r.role = is_free ? VariableRole::FreeVar : VariableRole::CellVar;
    rows.push_back(std::move(r));
  }
  return rows;
}

DiagramObject RecordingModels::Impl::object(const StepView& v, const HeapOrder& heap, std::uint32_t id) const {
  DiagramObject o;
  o.id = id;
  const ObjType type = rec.object_type(id);
  const std::vector<RVal>& c = v.content(id);
  const std::size_t h = obj_header_size(type);
  auto items_of = [&](std::size_t from, bool keyed, bool skip_absent) {
    std::size_t index = 0;
    for (std::size_t i = from; i < c.size(); ++i) {
      if (skip_absent && c[i].is_absent()) continue;
      o.items.push_back({keyed ? std::to_string(index) : std::string(), to_value(v, c[i]), false});
      ++index;
    }
  };
  auto attrs_of = [&](RVal ns, bool hide_class_entries) {
    if (!ns.is_ref()) return;
    for_each_pair(v.content(ns.index()), [&](RVal k, RVal value) {
      std::string_view name = str(k);
      if (hide_class_entries) {
        if (std::find(std::begin(kClassAttrsHidden), std::end(kClassAttrsHidden), name) != std::end(kClassAttrsHidden)) return;
        if (name == "__doc__" && value.kind() == RVal::Kind::None) return;
      }
      o.items.push_back({std::string(name), to_value(v, value), false});
    });
  };
  // A subclass of a builtin container: its class name, and its attributes when it has some.
  auto class_name = [&](std::string fallback) { return slot(c, 0).is_absent() ? fallback : std::string(str(c[0])); };
  auto subclass_attrs = [&] {
    if (!slot(c, 0).is_absent()) attrs_of(slot(c, 1), false);
  };
  auto empty_prefix = [&](const std::string& header) { return o.items.empty() ? "empty " + header : header; };

  switch (type) {
    case ObjType::Function: {
      const std::string name(str(slot(c, 0)));
      const RVal parent = slot(c, 3);
      o.parent_frame = env_parent_of(parent.kind() == RVal::Kind::Int ? FrameId(parent.as_int()) : kNoId);
      const std::string parent_text = " [parent=" + label_of(o.parent_frame) + "]";
      const RVal line = slot(c, 2);
      if (name == "<lambda>") {
        o.kind = ObjectKind::Lambda;
        o.header = "\xCE\xBB <line " + std::to_string(line.kind() == RVal::Kind::Int ? line.as_int() : 0) + ">" + parent_text;
      } else {
        o.kind = ObjectKind::Function;
        auto sig = signature(v, id);
        o.header = "func " + name + (sig ? sig->text : std::string("(\xE2\x80\xA6)")) + parent_text;
      }
      for (std::size_t i = h; i + 1 < c.size(); i += 2)
        if (c[i].kind() == RVal::Kind::Str && c[i + 1].is_ref()) o.closure.push_back({std::string(str(c[i])), c[i + 1].index()});
      break;
    }
    case ObjType::Cell:
      o.kind = ObjectKind::Cell;
      o.header = "cell";
      o.items.push_back({"", to_value(v, slot(c, 1)), false});
      break;
    case ObjType::List: case ObjType::Tuple: case ObjType::Deque:
      o.kind = type == ObjType::Tuple ? ObjectKind::Tuple : ObjectKind::List;
      items_of(h, true, false);
      subclass_attrs();
      o.header = empty_prefix(class_name(obj_type_name(type)));
      break;
    case ObjType::Set: case ObjType::FrozenSet:
      o.kind = ObjectKind::Set;
      items_of(h, false, true);
      subclass_attrs();
      o.header = empty_prefix(class_name(obj_type_name(type)));
      break;
    case ObjType::Dict:
      o.kind = ObjectKind::Dict;
      for_each_pair(c, [&](RVal k, RVal value) { o.items.push_back({key_text(v, k, heap), to_value(v, value), false}); });
      subclass_attrs();
      o.header = empty_prefix(class_name("dict"));
      break;
    case ObjType::Instance: {
      o.kind = ObjectKind::Instance;
      std::string_view name = "?";
      if (slot(c, 0).is_ref()) {
        const std::vector<RVal>& cls = v.content(c[0].index());
        if (!cls.empty()) name = str(cls[0]);
      }
      o.header = std::string(name) + " instance";
      attrs_of(slot(c, 1), false);
      break;
    }
    case ObjType::Class: {
      o.kind = ObjectKind::Class;
      o.header = "class " + std::string(str(slot(c, 0)));
      std::string bases;
      for (std::size_t i = h; i < c.size(); ++i)
        if (c[i].kind() == RVal::Kind::Str && str(c[i]) != "object") bases += (bases.empty() ? "" : ", ") + std::string(str(c[i]));
      if (!bases.empty()) o.header += "(" + bases + ")";
      attrs_of(slot(c, 1), true);
      break;
    }
    case ObjType::Method: {
      o.kind = ObjectKind::Method;
      Value func = to_value(v, slot(c, 0));
      std::string name;
      if (func.kind == Value::Kind::Object && heap.contains(static_cast<std::uint32_t>(func.id)))
        name = " " + name_key(v, static_cast<std::uint32_t>(func.id));
      o.header = "method" + name;
      o.items.push_back({"__func__", func, false});
      o.items.push_back({"__self__", to_value(v, slot(c, 1)), false});
      break;
    }
    case ObjType::Generator: {
      o.kind = ObjectKind::Generator;
      o.header = "generator " + std::string(str(slot(c, 0)));
      const RVal fid = slot(c, 1);
      o.items.push_back({"frame", fid.kind() == RVal::Kind::Int ? Value::frame(fid.as_int()) : Value::inline_text("(none)"), false});
      break;
    }
    case ObjType::Exception:
      o.kind = ObjectKind::Other;
      o.header = slot(c, 0).kind() == RVal::Kind::Str ? std::string(str(c[0])) : "exception";
      items_of(h, true, false);
      attrs_of(slot(c, 1), false);
      break;
    case ObjType::StaticMethod: case ObjType::ClassMethod:
      o.kind = ObjectKind::Other;
      o.header = obj_type_name(type);
      o.items.push_back({"__func__", to_value(v, slot(c, 0)), false});
      break;
    case ObjType::Builtin: case ObjType::Module:
      o.kind = ObjectKind::Other;
      o.header = std::string(obj_type_name(type)) + " " + std::string(str(slot(c, 0)));
      break;
    case ObjType::Other: case ObjType::Frame:
      o.kind = ObjectKind::Other;
      o.header = std::string(str(slot(c, 0)));
      o.items.push_back({"", Value::inline_text(std::string(str(slot(c, 1)))), false});
      break;
  }
  return o;
}

DiagramModel RecordingModels::Impl::facts(std::uint32_t s) const {
  DiagramModel m;
  StepView v(rec, s);
  const HeapOrder heap(rec, v);
  const StepEvent event = v.event();

  // Frames on the stack.
  std::unordered_set<FrameId> on_stack;
  std::vector<DiagramFrame> stack_frames;
  const std::vector<FrameView>& stack = v.stack();
  for (std::size_t p = 0; p < stack.size(); ++p) {
    const FrameView& fr = stack[p];
    const FrameInfo* fi = info(fr.fid);
    if (!fi) continue;
    on_stack.insert(fr.fid);
    DiagramFrame f;
    f.id = fr.fid;
    f.label = fi->label;
    f.title = title_of(*fi);
    f.parent = frame_env_parent(*fi);
    f.rows = frame_rows(v, heap, fr, s);
    const bool top = p + 1 == stack.size();
    f.state = top ? FrameState::Current : FrameState::Active;
    if (top) {
      m.current_frame = fr.fid;
      if (event == StepEvent::Return) {
        f.state = FrameState::Returned;
        const RVal ret = v.return_value().value_or(RVal::none());
        if (v.is_yield()) {
          f.has_return_value = true;
          f.return_label = "Yield value";
          f.return_value = to_value(v, ret.is_absent() ? RVal::none() : ret);
          f.note = "suspends at this yield";
        } else if (v.is_unwind()) {
          f.note = "exits with an exception";
        } else {
          f.has_return_value = true;
          f.return_value = to_value(v, ret.is_absent() ? RVal::none() : ret);
        }
      } else if (event == StepEvent::Exception) {
        if (auto exc = v.exception())
          f.note = "raises " + std::string(exc->first) + (exc->second.empty() ? "" : ": " + std::string(exc->second));
      }
    }
    stack_frames.push_back(std::move(f));
  }

  // Frames off the stack: suspended generators' frames, and returned frames kept by live functions.
  std::map<FrameId, DiagramFrame> off_stack;
  auto off_stack_frame = [&](std::uint32_t fid, FrameState state, std::uint32_t* at) -> std::optional<DiagramFrame> {
    const FrameInfo* fi = info(fid);
    const std::uint32_t k = fi ? last_on_stack(fid, s) : 0;
    if (!k) return std::nullopt;
    *at = k;
    DiagramFrame f;
    f.id = fid;
    f.label = fi->label;
    f.title = title_of(*fi);
    f.parent = frame_env_parent(*fi);
    f.state = state;
    return f;
  };
  for (std::uint32_t id : heap.order()) {
    if (rec.object_type(id) != ObjType::Generator) continue;
    const RVal gen_fid = slot(v.content(id), 1);
    if (gen_fid.kind() != RVal::Kind::Int) continue;
    const FrameId fid = gen_fid.as_int();
    if (fid <= 0 || on_stack.count(fid) || off_stack.count(fid)) continue;
    std::uint32_t at = 0;
    auto f = off_stack_frame(static_cast<std::uint32_t>(fid), FrameState::Suspended, &at);
    if (!f) continue;
    const FrameView recorded = recorded_frame(static_cast<std::uint32_t>(fid), at);
    f->note = "suspended at line " + std::to_string(recorded.line);
    f->rows = frame_rows(v, heap, recorded, at);
    off_stack.emplace(fid, std::move(*f));
  }
  for (std::uint32_t id : heap.order()) {
    if (rec.object_type(id) != ObjType::Function) continue;
    // Every frame of the function's environment chain that is off the stack is kept by it.
    const RVal raw = slot(v.content(id), 3);
    FrameId fid = env_parent_of(raw.kind() == RVal::Kind::Int ? FrameId(raw.as_int()) : kNoId);
    for (int guard = 0; guard < 256 && fid != kNoId && fid != module_fid && !on_stack.count(fid); ++guard) {
      auto it = off_stack.find(fid);
      if (it == off_stack.end()) {
        std::uint32_t at = 0;
        auto f = off_stack_frame(static_cast<std::uint32_t>(fid), FrameState::Retained, &at);
        if (!f) break;
        // What survives of a returned frame is its cells: keep the cell variables still alive.
        for (FrameRow& r : frame_rows(v, heap, recorded_frame(static_cast<std::uint32_t>(fid), at), at))
          if (r.role == VariableRole::CellVar && heap.contains(static_cast<std::uint32_t>(r.cell))) f->rows.push_back(std::move(r));
        it = off_stack.emplace(fid, std::move(*f)).first;
      }
      DiagramFrame& f = it->second;
      if (f.state == FrameState::Retained && std::find(f.retained_by.begin(), f.retained_by.end(), ObjectId(id)) == f.retained_by.end())
        f.retained_by.push_back(id);
      fid = f.parent;
    }
  }
  note_retained_frames(off_stack, [&](ObjectId fn) { return name_key(v, static_cast<std::uint32_t>(fn)); });

  order_frames(stack_frames, off_stack, m.frames);

  // Rows: parameters first, in signature order.
  for (DiagramFrame& f : m.frames) {
    const FrameInfo* fi = info(f.id);
    if (!fi || fi->fn == kNoId) continue;
    const auto fn = static_cast<std::uint32_t>(fi->fn);
    const std::optional<Signature> sig = heap.contains(fn) ? signature(v, fn) : call_signature(fn);
    if (!sig) continue;
    auto rank = [&](const FrameRow& r) {
      auto p = std::find(sig->names.begin(), sig->names.end(), r.name);
      return p == sig->names.end() ? sig->names.size() : static_cast<std::size_t>(p - sig->names.begin());
    };
    std::stable_sort(f.rows.begin(), f.rows.end(), [&](const FrameRow& a, const FrameRow& b) { return rank(a) < rank(b); });
  }

  m.objects.reserve(heap.order().size());
  for (std::uint32_t id : heap.order()) m.objects.push_back(object(v, heap, id));
  return m;
}

// ---- RecordingModels ------------------------------------------------------------------------------

RecordingModels::RecordingModels(const cv::Recording& recording, std::string_view source)
    : impl_(std::make_unique<Impl>(recording, source)) {}
RecordingModels::RecordingModels(RecordingModels&&) noexcept = default;
RecordingModels& RecordingModels::operator=(RecordingModels&&) noexcept = default;
RecordingModels::~RecordingModels() = default;

std::size_t RecordingModels::step_count() const { return impl_->rec.step_count(); }

DiagramModel RecordingModels::model(std::size_t step, ViewMode view) const {
  if (step < 1 || step > step_count())
    throw std::out_of_range("step " + std::to_string(step) + " is not in the recording (1.." + std::to_string(step_count()) + ")");
  DiagramModel now = impl_->facts(static_cast<std::uint32_t>(step));
  if (step >= 2) {
    DiagramModel before = impl_->facts(static_cast<std::uint32_t>(step - 1));
    mark_changes(now, &before);
  } else {
    mark_changes(now, nullptr);
  }
  now.view = view;
  return now;
}

std::string RecordingModels::explain(std::size_t step) const {
  if (step < 1 || step > step_count())
    throw std::out_of_range("step " + std::to_string(step) + " is not in the recording (1.." + std::to_string(step_count()) + ")");
  ExplainContext context{impl_->rec, impl_->source_lines, [this](std::uint32_t fid) { return impl_->label_of(fid); }};
  return explain_step(context, static_cast<std::uint32_t>(step));
}

RecordedProgram record_program(std::string_view source, const std::string& filename, std::uint64_t max_steps) {
  RecordedProgram result;
  RecorderOptions options;
  options.max_steps = max_steps;
  Recorder recorder(options);
  ProgramOptions program;
  program.filename = filename;
  program.write_stdout = recorder.tee_stdout([](std::string_view) {});
  program.trace_hook = &recorder;
  RunEnd end;
  try {
    result.outcome = run_program(source, program);
    if (!result.outcome.ok) {
      end.status = RunEnd::Status::Error;
      end.exc_type = result.outcome.error_type;
      end.exc_message = result.outcome.error_message;
    }
  } catch (const RecordingLimitReached&) {
    end.status = RunEnd::Status::Limit;
  }
  result.recording = recorder.finish(std::move(end));
  result.compiled = result.outcome.ok || result.recording.step_count() > 0;
  return result;
}

}  // namespace cv::layout
