// Recording: rebuilding objects from checkpoints and changes, whole-run queries, StepView and Cursor.
#include "core/recording.h"

#include <algorithm>
#include <cassert>
#include <unordered_set>

namespace cv {

namespace {

// Names CPython puts in a script's globals and in a class namespace itself; not shown as variables
// (the reference tracer's MODULE_DUNDERS and CLASS_BODY_HIDDEN).
constexpr std::string_view kModuleDunders[] = {"__name__",        "__doc__",  "__package__",
                                               "__loader__",      "__spec__", "__annotations__",
                                               "__builtins__",    "__file__", "__cached__"};
constexpr std::string_view kClassBodyHidden[] = {"__module__", "__qualname__", "__classcell__"};

template <size_t N>
bool is_one_of(std::string_view name, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

}  // namespace

const char* step_event_name(StepEvent e) {
  switch (e) {
    case StepEvent::Call: return "call";
    case StepEvent::Line: return "line";
    case StepEvent::Return: return "return";
    case StepEvent::Exception: return "exception";
  }
  return "?";
}

const char* obj_type_name(ObjType t) {
  switch (t) {
    case ObjType::Frame: return "frame";
    case ObjType::List: return "list";
    case ObjType::Tuple: return "tuple";
    case ObjType::Set: return "set";
    case ObjType::FrozenSet: return "frozenset";
    case ObjType::Deque: return "deque";
    case ObjType::Dict: return "dict";
    case ObjType::Cell: return "cell";
    case ObjType::Function: return "function";
    case ObjType::Instance: return "instance";
    case ObjType::Class: return "class";
    case ObjType::Method: return "method";
    case ObjType::Generator: return "generator";
    case ObjType::Builtin: return "builtin";
    case ObjType::Module: return "module";
    case ObjType::Exception: return "exception";
    case ObjType::StaticMethod: return "staticmethod";
    case ObjType::ClassMethod: return "classmethod";
    case ObjType::Other: return "other";
  }
  return "?";
}

uint32_t obj_header_size(ObjType t) {
  switch (t) {
    case ObjType::Frame: return 1;
    case ObjType::List: case ObjType::Tuple: case ObjType::Set: case ObjType::FrozenSet:
    case ObjType::Deque: case ObjType::Dict: return 2;
    case ObjType::Cell: return 2;
    case ObjType::Function: return 6;
    case ObjType::Instance: return 2;
    case ObjType::Class: return 2;
    case ObjType::Method: return 2;
    case ObjType::Generator: return 2;
    case ObjType::Builtin: return 2;
    case ObjType::Module: return 1;
    case ObjType::Exception: return 2;
    case ObjType::StaticMethod: case ObjType::ClassMethod: return 1;
    case ObjType::Other: return 2;
  }
  return 0;
}

void visit_references(ObjType type, std::span<const RVal> c, std::vector<uint32_t>& values,
                      std::vector<uint32_t>& namespaces) {
  auto value = [&](RVal v) { if (v.is_ref()) values.push_back(v.index()); };
  auto ns = [&](RVal v) { if (v.is_ref()) namespaces.push_back(v.index()); };
  const uint32_t h = obj_header_size(type);
  switch (type) {
    case ObjType::Frame:
      ns(c[0]);
      for (size_t i = 1; i < c.size(); ++i) value(c[i]);
      break;
    case ObjType::List: case ObjType::Tuple: case ObjType::Set: case ObjType::FrozenSet:
    case ObjType::Deque: case ObjType::Dict: case ObjType::Exception:
      ns(c[1]);
      for (size_t i = h; i < c.size(); ++i) value(c[i]);
      break;
    case ObjType::Cell: value(c[1]); break;
    case ObjType::Function:
      value(c[4]);
      for (size_t i = h + 1; i < c.size(); i += 2) value(c[i]);
      break;
    case ObjType::Instance: ns(c[1]); break;   // the class is shown by name only
    case ObjType::Class: ns(c[1]); break;
    case ObjType::Method: value(c[0]); value(c[1]); break;
    case ObjType::Builtin: value(c[1]); break;
    case ObjType::StaticMethod: case ObjType::ClassMethod: value(c[0]); break;
    case ObjType::Generator: case ObjType::Module: case ObjType::Other: break;
  }
}

// ---------------------------------------------------------------- Recording

std::string_view Recording::text(uint32_t i) const {
  return std::string_view(string_bytes.data() + string_offsets[i], size_t(string_offsets[i + 1] - string_offsets[i]));
}

const Checkpoint* Recording::checkpoint_before(uint32_t id, uint32_t pos) const {
  if (id == 0 || id >= objects.size()) return nullptr;
  auto more = more_checkpoints.find(id);
  if (more == more_checkpoints.end()) {
    const Checkpoint& ck = checkpoints[objects[id].first_checkpoint];
    return ck.log_pos <= pos ? &ck : nullptr;
  }
  const std::vector<uint32_t>& list = more->second;
  auto it = std::upper_bound(list.begin(), list.end(), pos,
                             [this](uint32_t p, uint32_t ck) { return p < checkpoints[ck].log_pos; });
  if (it == list.begin()) return nullptr;
  return &checkpoints[*(it - 1)];
}

void Recording::apply(std::vector<RVal>& content, const Change& c) const {
  switch (c.op()) {
    case Change::Op::Create:
    case Change::Op::Reset: {
      const Checkpoint& ck = checkpoints[uint32_t(c.value().as_int())];
      content.assign(arena.begin() + int64_t(ck.offset), arena.begin() + int64_t(ck.offset + ck.size));
      break;
    }
    case Change::Op::Set:
      assert(c.index() < content.size());
      content[c.index()] = c.value();
      break;
    case Change::Op::Insert:
      assert(c.index() <= content.size());
      content.insert(content.begin() + c.index(), c.value());
      break;
    case Change::Op::Erase: {
      uint32_t n = uint32_t(c.value().as_int());
      assert(c.index() + n <= content.size());
      content.erase(content.begin() + c.index(), content.begin() + c.index() + n);
      break;
    }
    case Change::Op::Return:
    case Change::Op::Exception: break;
  }
}

std::vector<RVal> Recording::content_at(uint32_t id, uint32_t pos) const {
  std::vector<RVal> content;
  const Checkpoint* ck = checkpoint_before(id, pos);
  if (!ck) return content;
  content.assign(arena.begin() + int64_t(ck->offset), arena.begin() + int64_t(ck->offset + ck->size));
  for (uint32_t c = ck->first_change; c != 0 && c < pos; c = log[c].next) apply(content, log[c]);
  return content;
}

uint32_t Recording::step_of_change(uint32_t pos) const {
  auto it = std::upper_bound(steps.begin() + 1, steps.end(), pos,
                             [](uint32_t p, const StepRecord& s) { return p < s.log_end; });
  return uint32_t(it - steps.begin());
}

std::string_view Recording::stdout_at(uint32_t s) const {
  auto it = std::upper_bound(stdout_marks.begin(), stdout_marks.end(), s,
                             [](uint32_t step, const std::pair<uint32_t, uint32_t>& m) { return step < m.first; });
  if (it == stdout_marks.begin()) return {};
  return std::string_view(stdout_text.data(), (it - 1)->second);
}

size_t Recording::memory_bytes() const {
  size_t n = steps.capacity() * sizeof(StepRecord) + frames.capacity() * sizeof(FrameRecord) +
             objects.capacity() * sizeof(ObjectRecord) + log.capacity() * sizeof(Change) +
             checkpoints.capacity() * sizeof(Checkpoint) + arena.capacity() * sizeof(RVal) +
             string_bytes.capacity() + string_offsets.capacity() * sizeof(uint64_t) +
             floats.capacity() * sizeof(double) + stdout_text.capacity() +
             stdout_marks.capacity() * sizeof(std::pair<uint32_t, uint32_t>);
  for (const CodeRecord& c : codes)
    n += sizeof(CodeRecord) + (c.cell_names.capacity() + c.local_names.capacity()) * sizeof(uint32_t);
  for (const auto& [id, list] : more_checkpoints) n += 32 + list.capacity() * sizeof(uint32_t);
  return n;
}

// Where variable `name` of frame `fid` lives: returns the slot, *id = the object holding it
// (the frame's content for plain locals, the cell for cell variables). ~0u when unknown;
// for module and class frames *id is the namespace dict and the slot is ~1u (look up by key).
uint32_t Recording::slot_of_variable(uint32_t fid, std::string_view name, uint32_t* id) const {
  const FrameRecord& fr = frames[fid];
  const CodeRecord& code = codes[fr.code];
  for (size_t i = 0; i < code.local_names.size(); ++i) {
    if (text(code.local_names[i]) == name) {
      *id = fr.variables;
      return uint32_t(1 + code.cell_names.size() + i);
    }
  }
  for (size_t i = 0; i < code.cell_names.size(); ++i) {
    if (text(code.cell_names[i]) == name) {
      std::vector<RVal> content = content_at(fr.variables, steps[fr.first_step].log_end);
      if (1 + i >= content.size() || !content[1 + i].is_ref()) return ~0u;
      *id = content[1 + i].index();
      return 1;  // a cell's value
    }
  }
  if (code.kind != CodeRecord::Kind::Function) {
    std::vector<RVal> content = content_at(fr.variables, steps[fr.first_step].log_end);
    if (!content.empty() && content[0].is_ref()) {
      *id = content[0].index();
      return ~1u;
    }
  }
  return ~0u;
}

namespace {

// The value a probe looks at: a fixed slot, or the value of a str key in a dict content.
struct Probe {
  const Recording& rec;
  uint32_t slot;            // ~1u: by key
  std::string_view key;
  RVal operator()(const std::vector<RVal>& c) const {
    if (slot != ~1u) return slot < c.size() ? c[slot] : RVal();
    for (size_t i = 2; i + 1 < c.size(); i += 2)
      if (c[i].kind() == RVal::Kind::Str && rec.text(c[i].index()) == key) return c[i + 1];
    return RVal();
  }
};

uint32_t next_probe_change(const Recording& rec, uint32_t id, const Probe& probe, uint32_t s) {
  if (s >= rec.step_count()) return 0;
  uint32_t pos = rec.steps[s].log_end;
  std::vector<RVal> content = rec.content_at(id, pos);
  RVal before = probe(content);
  // Continue the chain from the checkpoint that `content` was built from.
  const Checkpoint* ck = rec.checkpoint_before(id, pos);
  uint32_t c = 0;
  if (ck) {
    c = ck->first_change;
    while (c != 0 && c < pos) c = rec.log[c].next;
  } else {
    // Not created yet: its creation is the first change.
    for (uint32_t p = pos; p < rec.log.size(); ++p)
      if (rec.log[p].target == id && rec.log[p].op() == Change::Op::Create) { c = p; break; }
  }
  for (; c != 0; c = rec.log[c].next) {
    rec.apply(content, rec.log[c]);
    if (probe(content) != before) return rec.step_of_change(c);
  }
  return 0;
}

uint32_t previous_probe_change(const Recording& rec, uint32_t id, const Probe& probe, uint32_t s) {
  if (s <= 1) return 0;
  uint32_t end = rec.steps[s - 1].log_end;  // changes strictly before step s
  // Walk checkpoint intervals backwards; in each, replay forward and keep the last change
  // that altered the value.
  std::vector<uint32_t> cks;
  auto more = rec.more_checkpoints.find(id);
  if (more != rec.more_checkpoints.end()) cks = more->second;
  else if (id < rec.objects.size()) cks.push_back(rec.objects[id].first_checkpoint);
  for (size_t k = cks.size(); k-- > 0;) {
    const Checkpoint& ck = rec.checkpoints[cks[k]];
    if (ck.log_pos > end) continue;
    uint32_t limit = k + 1 < cks.size() ? std::min(end, rec.checkpoints[cks[k + 1]].log_pos) : end;
    std::vector<RVal> content(rec.arena.begin() + int64_t(ck.offset), rec.arena.begin() + int64_t(ck.offset + ck.size));
    uint32_t found = 0;
    for (uint32_t c = ck.first_change; c != 0 && c < limit; c = rec.log[c].next) {
      RVal before = probe(content);
      rec.apply(content, rec.log[c]);
      if (probe(content) != before) found = c;
    }
    if (found) return rec.step_of_change(found);
    if (k == 0) {
      // The creation itself binds the value (when it is not absent).
      uint32_t create = ck.log_pos - 1;
      std::vector<RVal> initial(rec.arena.begin() + int64_t(ck.offset), rec.arena.begin() + int64_t(ck.offset + ck.size));
      if (!probe(initial).is_absent()) return rec.step_of_change(create);
    }
  }
  return 0;
}

}  // namespace

uint32_t Recording::next_slot_change(uint32_t id, uint32_t slot, uint32_t s) const {
  return next_probe_change(*this, id, Probe{*this, slot, {}}, s);
}

uint32_t Recording::previous_slot_change(uint32_t id, uint32_t slot, uint32_t s) const {
  return previous_probe_change(*this, id, Probe{*this, slot, {}}, s);
}

uint32_t Recording::next_change(uint32_t fid, std::string_view name, uint32_t s) const {
  uint32_t id = 0;
  uint32_t slot = slot_of_variable(fid, name, &id);
  if (slot == ~0u) return 0;
  return next_probe_change(*this, id, Probe{*this, slot, name}, s);
}

uint32_t Recording::previous_change(uint32_t fid, std::string_view name, uint32_t s) const {
  uint32_t id = 0;
  uint32_t slot = slot_of_variable(fid, name, &id);
  if (slot == ~0u) return 0;
  return previous_probe_change(*this, id, Probe{*this, slot, name}, s);
}

// ---------------------------------------------------------------- Cursor

bool Cursor::advance() {
  if (step_ >= rec_.step_count()) return false;
  ++step_;
  uint32_t end = rec_.steps[step_].log_end;
  for (; pos_ < end; ++pos_) {
    const Change& c = rec_.log[pos_];
    if (c.op() == Change::Op::Return || c.op() == Change::Op::Exception) continue;
    if (c.target >= state_.size()) state_.resize(std::max<size_t>(c.target + 1, state_.size() * 2));
    Slot& slot = state_[c.target];
    if (c.op() == Change::Op::Create) slot.exists = true;
    rec_.apply(slot.content, c);
  }
  return true;
}

const std::vector<RVal>& Cursor::content(uint32_t id) const {
  static const std::vector<RVal> kNone;
  return id < state_.size() ? state_[id].content : kNone;
}

// ---------------------------------------------------------------- StepView

StepView::StepView(const Recording& recording, uint32_t step, const Cursor* cursor)
    : rec_(recording), step_(step), cursor_(cursor && cursor->step() == step ? cursor : nullptr) {
  std::vector<uint32_t> chain;
  for (uint32_t s = step; s != 0; s = rec_.steps[s].caller_step) chain.push_back(s);
  for (size_t i = chain.size(); i-- > 0;) {
    const StepRecord& sr = rec_.steps[chain[i]];
    stack_.push_back(frame_view(sr.fid, sr.line, true));
  }
}

const std::vector<RVal>& StepView::content(uint32_t id) const {
  if (cursor_) return cursor_->content(id);
  auto it = cache_.find(id);
  if (it != cache_.end()) return it->second;
  return cache_.emplace(id, rec_.content_at(id, rec_.steps[step_].log_end)).first->second;
}

FrameView StepView::frame_view(uint32_t fid, int line, bool on_stack) const {
  const FrameRecord& fr = rec_.frames[fid];
  const CodeRecord& code = rec_.codes[fr.code];
  FrameView v;
  v.fid = fid;
  v.func = rec_.text(code.name);
  v.line = line;
  v.parent = fr.parent;
  v.function = fr.function;
  v.on_stack = on_stack;
  const std::vector<RVal>& c = content(fr.variables);
  if (c.empty()) return v;
  for (size_t i = 0; i < code.cell_names.size() && 1 + i < c.size(); ++i)
    if (c[1 + i].is_ref()) v.cells.emplace_back(rec_.text(code.cell_names[i]), c[1 + i].index());
  if (code.kind == CodeRecord::Kind::Function) {
    for (size_t i = 0; i < code.local_names.size(); ++i) {
      RVal value = c[1 + code.cell_names.size() + i];
      if (!value.is_absent()) v.locals.emplace_back(rec_.text(code.local_names[i]), value);
    }
    return v;
  }
  if (!c[0].is_ref()) return v;
  const std::vector<RVal>& ns = content(c[0].index());
  for (size_t i = 2; i + 1 < ns.size(); i += 2) {
    if (ns[i].kind() != RVal::Kind::Str || ns[i + 1].is_absent()) continue;
    std::string_view name = rec_.text(ns[i].index());
    if (code.kind == CodeRecord::Kind::Module ? is_one_of(name, kModuleDunders) : is_one_of(name, kClassBodyHidden))
      continue;
    if (code.kind == CodeRecord::Kind::ClassBody &&
        std::any_of(code.cell_names.begin(), code.cell_names.end(), [&](uint32_t n) { return rec_.text(n) == name; }))
      continue;
    v.locals.emplace_back(name, ns[i + 1]);
  }
  return v;
}

FrameView StepView::frame(uint32_t fid) const {
  for (const FrameView& f : stack_)
    if (f.fid == fid) return f;
  // Off the stack: its line is the one of its latest event up to this step. A frame that has
  // returned for good is found at once (no scan back over a long run's steps).
  const FrameRecord& fr = rec_.frames[fid];
  if (fr.last_step != 0 && fr.last_step <= step_) return frame_view(fid, rec_.steps[fr.last_step].line, false);
  int line = rec_.codes[rec_.frames[fid].code].first_line;
  for (uint32_t s = step_; s >= rec_.frames[fid].first_step && s > 0; --s) {
    if (rec_.steps[s].fid == fid) {
      line = rec_.steps[s].line;
      break;
    }
  }
  return frame_view(fid, line, false);
}

std::optional<RVal> StepView::return_value() const {
  const StepRecord& sr = rec_.steps[step_];
  if (sr.event() != StepEvent::Return) return std::nullopt;
  uint32_t begin = rec_.steps[step_ - 1].log_end;
  for (uint32_t p = sr.log_end; p-- > begin;)
    if (rec_.log[p].op() == Change::Op::Return) return rec_.log[p].value();
  return RVal::none();
}

std::optional<std::pair<std::string_view, std::string_view>> StepView::exception() const {
  const StepRecord& sr = rec_.steps[step_];
  if (sr.event() != StepEvent::Exception) return std::nullopt;
  uint32_t begin = rec_.steps[step_ - 1].log_end;
  for (uint32_t p = sr.log_end; p-- > begin;) {
    const Change& c = rec_.log[p];
    if (c.op() == Change::Op::Exception) return std::make_pair(rec_.text(c.value_lo), rec_.text(c.value_hi));
  }
  return std::nullopt;
}

const std::vector<uint32_t>& StepView::reachable() const {
  if (reachable_done_) return reachable_;
  reachable_done_ = true;
  std::unordered_set<uint32_t> seen, seen_ns;
  std::vector<uint32_t> values, namespaces;
  auto enqueue = [&](RVal v) {
    if (v.is_ref() && seen.insert(v.index()).second) reachable_.push_back(v.index());
  };
  for (const FrameView& f : stack_) {
    for (const auto& [name, value] : f.locals) enqueue(value);
    for (const auto& [name, cell] : f.cells) enqueue(RVal::ref(cell));
    if (f.function) enqueue(RVal::ref(f.function));
  }
  if (auto r = return_value()) enqueue(*r);
  for (size_t i = 0; i < reachable_.size(); ++i) {
    uint32_t id = reachable_[i];
    values.clear();
    namespaces.clear();
    visit_references(rec_.objects[id].type, content(id), values, namespaces);
    for (size_t k = 0; k < namespaces.size(); ++k) {
      if (!seen_ns.insert(namespaces[k]).second) continue;
      std::vector<uint32_t> inner_ns;
      visit_references(ObjType::Dict, content(namespaces[k]), values, inner_ns);
    }
    for (uint32_t v : values) enqueue(RVal::ref(v));
  }
  return reachable_;
}

std::vector<FrameView> StepView::retained_frames() const {
  std::vector<FrameView> out;
  std::unordered_set<uint32_t> listed;
  for (const FrameView& f : stack_) listed.insert(f.fid);
  for (uint32_t id : reachable()) {
    if (rec_.objects[id].type != ObjType::Function) continue;
    const std::vector<RVal>& c = content(id);
    if (c.size() < 4 || c[3].kind() != RVal::Kind::Int) continue;
    uint32_t parent = uint32_t(c[3].as_int());
    if (parent == 0 || !listed.insert(parent).second) continue;
    FrameView f = frame(parent);
    f.retained = true;
    out.push_back(std::move(f));
  }
  return out;
}

ObjectView StepView::object(uint32_t id) const {
  ObjectView v;
  v.id = id;
  v.type = rec_.objects[id].type;
  v.content = content(id);
  return v;
}

std::string_view StepView::stdout_new() const {
  std::string_view now = rec_.stdout_at(step_), before = rec_.stdout_at(step_ - 1);
  return now.substr(before.size());
}

std::vector<StepChange> StepView::changes() const {
  std::vector<StepChange> out;
  uint32_t begin = rec_.steps[step_ - 1].log_end, end = rec_.steps[step_].log_end;
  // Frame contents and namespace dicts, for naming variables.
  std::unordered_map<uint32_t, uint32_t> frame_of_content, frame_of_namespace;
  std::unordered_map<uint32_t, std::vector<std::pair<uint32_t, std::string_view>>> vars_of_cell;
  for (const FrameView& f : stack_) {
    uint32_t vars = rec_.frames[f.fid].variables;
    frame_of_content[vars] = f.fid;
    const std::vector<RVal>& c = content(vars);
    if (!c.empty() && c[0].is_ref()) frame_of_namespace[c[0].index()] = f.fid;
    for (const auto& [name, cell] : f.cells) vars_of_cell[cell].emplace_back(f.fid, name);
  }
  std::unordered_set<uint64_t> seen;
  auto add = [&](StepChange ch) {
    uint64_t key = (uint64_t(ch.kind) << 62) ^ (uint64_t(ch.fid) << 32) ^ ch.id ^ std::hash<std::string_view>()(ch.name);
    if (seen.insert(key).second) out.push_back(ch);
  };
  for (uint32_t p = begin; p < end; ++p) {
    const Change& c = rec_.log[p];
    if (c.op() == Change::Op::Return || c.op() == Change::Op::Exception) continue;
    uint32_t id = c.target;
    if (c.op() == Change::Op::Create) {
      if (rec_.objects[id].type != ObjType::Frame) add({StepChange::Kind::Created, 0, {}, id});
      continue;
    }
    if (auto f = frame_of_content.find(id); f != frame_of_content.end()) {
      const CodeRecord& code = rec_.codes[rec_.frames[f->second].code];
      size_t first_local = 1 + code.cell_names.size();
      if (c.op() == Change::Op::Set && c.index() >= first_local && c.index() - first_local < code.local_names.size())
        add({StepChange::Kind::Variable, f->second, rec_.text(code.local_names[c.index() - first_local]), 0});
      continue;
    }
    // A global or class-body name: a set or insert in its namespace dict (a new name is an
    // insert at the end). The key is read after the step, or before it when the name was deleted.
    if (auto f = frame_of_namespace.find(id);
        f != frame_of_namespace.end() && (c.op() == Change::Op::Set || c.op() == Change::Op::Insert) && c.index() >= 2) {
      const uint32_t key_slot = c.index() - ((c.index() - 2) % 2);
      RVal key;
      if (const std::vector<RVal>& ns = content(id); key_slot < ns.size()) key = ns[key_slot];
      if (key.kind() != RVal::Kind::Str) {
        std::vector<RVal> before = rec_.content_at(id, begin);
        if (key_slot < before.size()) key = before[key_slot];
      }
      if (key.kind() == RVal::Kind::Str) {
        add({StepChange::Kind::Variable, f->second, rec_.text(key.index()), 0});
        continue;
      }
    }
    if (rec_.objects[id].type == ObjType::Frame) continue;
    add({StepChange::Kind::Object, 0, {}, id});
    if (auto v = vars_of_cell.find(id); v != vars_of_cell.end())
      for (const auto& [fid, name] : v->second) add({StepChange::Kind::Variable, fid, name, 0});
  }
  return out;
}

std::vector<uint32_t> StepView::became_unreachable() const {
  std::vector<uint32_t> out;
  if (step_ <= 1) return out;
  StepView previous(rec_, step_ - 1);
  const std::vector<uint32_t>& now = reachable();
  std::unordered_set<uint32_t> present(now.begin(), now.end());
  for (uint32_t id : previous.reachable())
    if (!present.count(id)) out.push_back(id);
  return out;
}

}  // namespace cv
