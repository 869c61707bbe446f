// Recorder: events and writes of a running VM into a Recording (design notes in recorder.h).
#include "core/recorder.h"

#include <algorithm>
#include <cassert>
#include <cstdio>

#include "core/numeric.h"

namespace cv {

struct Recorder::Shadow {
  Object* object = nullptr;        // the VM object (null for frame variables)
  ObjType type = ObjType::Other;
  std::vector<RVal> content;       // as recorded so far
  bool dirty = false;
  uint32_t dirty_lo = 0, dirty_hi = 0;  // element range reported since the last event
  uint32_t since_checkpoint = 0;   // changes since its latest checkpoint
  uint32_t last_change = 0;        // its latest log entry (to link the next)
  uint32_t open_checkpoint = 0;    // latest checkpoint, until its first change is known
};

namespace {

// A library type is shown as {"t": NAME, "repr": "<module.NAME object>"} (the reference
// tracer's safe_repr for types whose repr could run program code).
std::string object_repr(const TypeObject* type) {
  std::string name = type->qualname.empty() ? type->name : type->qualname;
  if (type->module != "builtins" && !type->module.empty()) name = type->module + "." + name;
  return "<" + name + " object>";
}

// "a, b=..., *args, c, **kw": the parameters as Online Python Tutor labels functions.
std::string parameter_text(const CodeObject* code) {
  const CodeInfo& info = code->info;
  std::string out;
  auto add = [&](const std::string& s) {
    if (!out.empty()) out += ", ";
    out += s;
  };
  int32_t i = 0;
  for (; i < info.argcount; ++i) add(code->varnames[size_t(i)]->text);
  int32_t k = info.argcount + info.kwonlyargcount;
  if (info.flags & kCodeVarargs) add("*" + code->varnames[size_t(k)]->text);
  else if (info.kwonlyargcount) add("*");
  for (; i < info.argcount + info.kwonlyargcount; ++i) add(code->varnames[size_t(i)]->text);
  if (info.flags & kCodeVarkeywords) add("**" + code->varnames[size_t(k + ((info.flags & kCodeVarargs) ? 1 : 0))]->text);
  return out;
}

bool is_deque(const Object* o) {
  return o->kind == ObjKind::Native && o->type && o->type->name == "deque";
}

// The type name CPython gives the iterator over `source`.
std::string iterator_type_name(const NativeIterator* it) {
  const TypeObject* t = it->type;
  if (t->name != "iterator" || !it->source.is_object()) return t->name;
  const Object* s = it->source.as_object();
  switch (s->kind) {
    case ObjKind::List: return "list_iterator";
    case ObjKind::Tuple: return "tuple_iterator";
    case ObjKind::Range: return "range_iterator";
    case ObjKind::Str: return static_cast<const StrObject*>(s)->is_ascii ? "str_ascii_iterator" : "str_iterator";
    case ObjKind::Set: case ObjKind::FrozenSet: return "set_iterator";
    case ObjKind::Dict: return "dict_keyiterator";
    default: return t->name;
  }
}

}  // namespace

Recorder::Recorder(const RecorderOptions& options)
    : options_(options), texts_(16, TextHash{&rec_}, TextEq{&rec_}) {
  assert(g_write_observer == nullptr && "one recording at a time");
  g_write_observer = this;
  shadows_.push_back(nullptr);  // id 0
  last_step_at_depth_.assign(8, 0);
}

Recorder::~Recorder() {
  if (g_write_observer == this) g_write_observer = nullptr;
  for (Shadow* s : shadows_) delete s;
  for (Shadow* s : spare_shadows_) delete s;
}

std::function<void(std::string_view)> Recorder::tee_stdout(std::function<void(std::string_view)> out) {
  return [this, out = std::move(out)](std::string_view text) {
    rec_.stdout_text.append(text);
    if (out) out(text);
  };
}

// ---------------------------------------------------------------- values

uint32_t Recorder::intern_text(std::string_view text) {
  auto it = texts_.find(text);
  if (it != texts_.end()) return *it;
  uint32_t index = uint32_t(rec_.string_offsets.size() - 1);
  rec_.string_bytes.append(text);
  rec_.string_offsets.push_back(rec_.string_bytes.size());
  texts_.insert(index);
  return index;
}

RVal Recorder::conv(Value v) {
  if (v.is_null()) return RVal();
  if (v.is_small_int()) return RVal::integer(v.as_small_int());
  Object* o = v.as_object();
  uint32_t rid = o->rec_id;
  if (rid != 0) {
    if (!(rid & kValueCacheBit)) return RVal::ref(rid);
    uint32_t index = rid & ~kValueCacheBit;
    if (o->kind == ObjKind::Str) return RVal::str(index);
    if (o->kind == ObjKind::Int) return RVal::bigint_at(index);
    return RVal::float_at(index);
  }
  switch (o->kind) {
    case ObjKind::None: return RVal::none();
    case ObjKind::Bool: return RVal::boolean(v == vm_->True);
    case ObjKind::Str:
      if (o->type == vm_->t.str) {
        uint32_t index = intern_text(static_cast<StrObject*>(o)->text);
        o->rec_id = index | kValueCacheBit;
        return RVal::str(index);
      }
      break;
    case ObjKind::Int:
      if (o->type == vm_->t.int_) {
        uint32_t index = intern_text(int_to_decimal_string(static_cast<IntObject*>(o)->value, 0));
        o->rec_id = index | kValueCacheBit;
        return RVal::bigint_at(index);
      }
      break;
    case ObjKind::Float:
      if (o->type == vm_->t.float_) {
        uint32_t index = uint32_t(rec_.floats.size());
        rec_.floats.push_back(static_cast<FloatObject*>(o)->value);
        o->rec_id = index | kValueCacheBit;
        return RVal::float_at(index);
      }
      break;
    default: break;
  }
  return RVal::ref(capture(o));
}

ObjType Recorder::classify(Object* o) const {
  switch (o->kind) {
    case ObjKind::List: return ObjType::List;
    case ObjKind::Tuple: return ObjType::Tuple;
    case ObjKind::Set: return ObjType::Set;
    case ObjKind::FrozenSet: return ObjType::FrozenSet;
    case ObjKind::Dict: return ObjType::Dict;
    case ObjKind::Cell: return ObjType::Cell;
    case ObjKind::Function: return ObjType::Function;
    case ObjKind::Instance: return ObjType::Instance;
    case ObjKind::Str: case ObjKind::Int: case ObjKind::Float:  // instances of user subclasses
      return ObjType::Instance;
    case ObjKind::Type: {
      auto* t = static_cast<TypeObject*>(o);
      return t->is_builtin && t->module == "builtins" ? ObjType::Builtin : ObjType::Class;
    }
    case ObjKind::BoundMethod: {
      Value f = static_cast<BoundMethodObject*>(o)->func;
      return f.is_object() && f.as_object()->kind == ObjKind::Function ? ObjType::Method : ObjType::Builtin;
    }
    case ObjKind::Builtin: return ObjType::Builtin;
    case ObjKind::Generator: return ObjType::Generator;
    case ObjKind::Module: return ObjType::Module;
    case ObjKind::Exception: return ObjType::Exception;
    case ObjKind::StaticMethod: return ObjType::StaticMethod;
    case ObjKind::ClassMethod: return ObjType::ClassMethod;
    case ObjKind::Native: return is_deque(o) ? ObjType::Deque : ObjType::Other;
    default: return ObjType::Other;
  }
}

RVal Recorder::parent_of(uint64_t defining_serial) {
  uint32_t fid = fid_of_serial(defining_serial);
  if (fid == 0) return RVal::none();
  if (rec_.codes[rec_.frames[fid].code].kind == CodeRecord::Kind::Module) return RVal::none();
  return RVal::integer(fid);
}

void Recorder::build_header(Object* o, ObjType type, std::vector<RVal>& out) {
  auto class_name = [&](TypeObject* builtin) {
    return o->type == builtin ? RVal() : RVal::str(intern_text(o->type->name));
  };
  auto attrs = [&] { return o->attrs ? conv(o->attrs) : RVal(); };
  switch (type) {
    case ObjType::List: out.push_back(class_name(vm_->t.list)); out.push_back(attrs()); break;
    case ObjType::Tuple: out.push_back(class_name(vm_->t.tuple)); out.push_back(attrs()); break;
    case ObjType::Set: out.push_back(class_name(vm_->t.set)); out.push_back(attrs()); break;
    case ObjType::FrozenSet: out.push_back(class_name(vm_->t.frozenset)); out.push_back(attrs()); break;
    case ObjType::Dict: out.push_back(class_name(vm_->t.dict)); out.push_back(attrs()); break;
    case ObjType::Deque: out.push_back(RVal()); out.push_back(RVal()); break;
    case ObjType::Cell: {
      auto* c = static_cast<CellObject*>(o);
      uint32_t owner = fid_of_serial(c->owner_frame);
      out.push_back(owner ? RVal::integer(owner) : RVal::none());
      out.push_back(conv(c->contents));
      break;
    }
    case ObjType::Function: {
      auto* f = static_cast<FunctionObject*>(o);
      out.push_back(conv(f->name ? f->name : Value(f->code->name)));
      out.push_back(conv(f->qualname ? f->qualname : Value(f->code->qualname)));
      out.push_back(RVal::integer(f->code->info.firstlineno));
      out.push_back(parent_of(f->defining_frame));
      out.push_back(f->defaults && !f->defaults->items.empty() ? conv(f->defaults) : RVal());
      out.push_back(RVal::str(intern_text(parameter_text(f->code))));
      break;
    }
    case ObjType::Instance: out.push_back(conv(o->type)); out.push_back(attrs()); break;
    case ObjType::Class: {
      auto* t = static_cast<TypeObject*>(o);
      out.push_back(RVal::str(intern_text(t->name)));
      bool program_class = !t->is_builtin;
      out.push_back(program_class && t->attrs ? conv(t->attrs) : RVal());
      break;
    }
    case ObjType::Method: {
      auto* m = static_cast<BoundMethodObject*>(o);
      out.push_back(conv(m->func));
      out.push_back(conv(m->self));
      break;
    }
    case ObjType::Generator: {
      auto* g = static_cast<GeneratorObject*>(o);
      out.push_back(conv(g->qualname ? g->qualname : g->name));
      uint32_t fid = g->frame ? g->frame->rec_fid : 0;
      if (!fid) {
        auto it = generator_fid_.find(g->serial);
        if (it != generator_fid_.end()) fid = it->second;
      }
      out.push_back(fid ? RVal::integer(fid) : RVal());
      break;
    }
    case ObjType::Builtin:
      if (o->kind == ObjKind::Type) {
        out.push_back(RVal::str(intern_text(static_cast<TypeObject*>(o)->name)));
        out.push_back(RVal());
      } else if (o->kind == ObjKind::BoundMethod) {
        auto* m = static_cast<BoundMethodObject*>(o);
        std::string name = "?";
        if (m->func.is_object() && m->func.as_object()->kind == ObjKind::Builtin)
          name = static_cast<BuiltinFunction*>(m->func.as_object())->name;
        out.push_back(RVal::str(intern_text(name)));
        out.push_back(m->self && m->self.is_object() && m->self.as_object()->kind != ObjKind::Module ? conv(m->self) : RVal());
      } else {
        out.push_back(RVal::str(intern_text(static_cast<BuiltinFunction*>(o)->name)));
        out.push_back(RVal());
      }
      break;
    case ObjType::Module: out.push_back(RVal::str(intern_text(static_cast<ModuleObject*>(o)->name))); break;
    case ObjType::Exception: {
      const TypeObject* t = o->type;
      out.push_back(RVal::str(intern_text(t->name)));
      out.push_back(attrs());
      break;
    }
    case ObjType::StaticMethod: case ObjType::ClassMethod:
      out.push_back(conv(static_cast<DescriptorObject*>(o)->fget));
      break;
    case ObjType::Other: {
      std::string type_name = o->type ? o->type->name : "object";
      std::string repr;
      switch (o->kind) {
        case ObjKind::Range: {
          auto* r = static_cast<RangeObject*>(o);
          repr = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop) +
                 (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
          break;
        }
        case ObjKind::NotImplemented: type_name = "NotImplementedType"; repr = "NotImplemented"; break;
        case ObjKind::Ellipsis: type_name = "ellipsis"; repr = "Ellipsis"; break;
        case ObjKind::Iterator:
          type_name = iterator_type_name(static_cast<NativeIterator*>(o));
          repr = o->type->module != "builtins" ? "<" + o->type->module + "." + type_name + " object>"
                                               : "<" + type_name + " object>";
          break;
        case ObjKind::Slice: {
          auto* s = static_cast<SliceObject*>(o);
          auto part = [&](Value v) {
            if (v.is_small_int()) return std::to_string(v.as_small_int());
            return std::string("None");
          };
          repr = "slice(" + part(s->start) + ", " + part(s->stop) + ", " + part(s->step) + ")";
          break;
        }
        default: repr = o->type ? object_repr(o->type) : "<object>"; break;
      }
      out.push_back(RVal::str(intern_text(type_name)));
      out.push_back(RVal::str(intern_text(repr)));
      break;
    }
    case ObjType::Frame: break;
  }
}

uint32_t Recorder::element_count(Object* o, ObjType type) const {
  switch (type) {
    case ObjType::List: return uint32_t(static_cast<ListObject*>(o)->items.size());
    case ObjType::Tuple: return uint32_t(static_cast<TupleObject*>(o)->items.size());
    case ObjType::Set: case ObjType::FrozenSet: return uint32_t(static_cast<SetObject*>(o)->table.entries().size());
    case ObjType::Dict: return uint32_t(static_cast<DictObject*>(o)->table.entries().size());
    case ObjType::Deque: return uint32_t(static_cast<NativeObject*>(o)->slots.size());
    default: return 0;
  }
}

void Recorder::build_elements(Object* o, ObjType type, uint32_t from, uint32_t to, std::vector<RVal>& out) {
  switch (type) {
    case ObjType::List: {
      const auto& items = std::as_const(static_cast<ListObject*>(o)->items);
      for (uint32_t i = from; i < to; ++i) out.push_back(conv(items[i]));
      break;
    }
    case ObjType::Tuple: {
      const auto& items = static_cast<TupleObject*>(o)->items;
      for (uint32_t i = from; i < to; ++i) out.push_back(conv(items[i]));
      break;
    }
    case ObjType::Deque: {
      const auto& items = static_cast<NativeObject*>(o)->slots;
      for (uint32_t i = from; i < to; ++i) out.push_back(conv(items[i]));
      break;
    }
    case ObjType::Set: case ObjType::FrozenSet: {
      const auto& entries = static_cast<SetObject*>(o)->table.entries();
      for (uint32_t i = from; i < to; ++i) out.push_back(conv(entries[i].key));
      break;
    }
    case ObjType::Dict: {
      const auto& entries = static_cast<DictObject*>(o)->table.entries();
      for (uint32_t i = from; i < to; ++i) {
        if (entries[i].key.is_null()) {
          out.push_back(RVal());
          out.push_back(RVal());
        } else {
          out.push_back(conv(entries[i].key));
          out.push_back(conv(entries[i].value));
        }
      }
      break;
    }
    case ObjType::Function: {
      auto* f = static_cast<FunctionObject*>(o);
      if (!f->closure) break;
      const auto& cells = f->closure->items;
      const auto& names = f->code->freevars;
      for (size_t i = 0; i < cells.size(); ++i) {
        out.push_back(i < names.size() ? RVal::str(intern_text(names[i]->text)) : RVal());
        out.push_back(conv(cells[i]));
      }
      break;
    }
    case ObjType::Class: {
      auto* t = static_cast<TypeObject*>(o);
      for (const TypeObject* b : t->bases) {
        // Bases as CPython's classes have them: native iterator types derive from our internal
        // `iterator` type, CPython's from object; ChainMap is a MutableMapping there.
        std::string name = b == vm_->t.iterator ? "object" : b->name;
        if (t->is_builtin && t->module == "collections" && t->name == "ChainMap") name = "MutableMapping";
        out.push_back(RVal::str(intern_text(name)));
      }
      break;
    }
    case ObjType::Exception: {
      auto* e = static_cast<ExceptionObject*>(o);
      if (e->args)
        for (Value a : e->args->items) out.push_back(conv(a));
      break;
    }
    default: break;
  }
}

uint32_t Recorder::capture(Object* o) {
  ObjType type = classify(o);
  Shadow* s = new_shadow();
  s->object = o;
  s->type = type;
  uint32_t id = new_object(type, s);
  o->rec_id = id;
  if (type == ObjType::Deque) polled_.push_back(id);
  pending_.push_back(id);
  return id;
}

void Recorder::drain_pending() {
  // Contents are built here rather than in capture(), so that a long chain of new objects
  // (a linked list) is walked with a worklist, not recursion.
  while (!pending_.empty()) {
    uint32_t id = pending_.back();
    pending_.pop_back();
    Shadow* s = shadows_[id];
    std::vector<RVal> content;
    build_header(s->object, s->type, content);
    build_elements(s->object, s->type, 0, element_count(s->object, s->type), content);
    s->content = std::move(content);
    uint32_t ck = uint32_t(rec_.checkpoints.size());
    add_change(id, s, Change::Op::Create, 0, RVal::integer(ck));
    add_checkpoint(id, s);
  }
}

// ---------------------------------------------------------------- shadows, changes, checkpoints

Recorder::Shadow* Recorder::new_shadow() {
  if (spare_shadows_.empty()) return new Shadow;
  Shadow* s = spare_shadows_.back();
  spare_shadows_.pop_back();
  return s;
}

void Recorder::release_shadow(uint32_t id) {
  Shadow* s = shadows_[id];
  if (!s) return;
  shadows_[id] = nullptr;
  s->object = nullptr;
  s->content.clear();
  s->dirty = false;
  s->since_checkpoint = s->last_change = s->open_checkpoint = 0;
  if (spare_shadows_.size() < 4096) spare_shadows_.push_back(s);
  else delete s;
}

uint32_t Recorder::new_object(ObjType type, Shadow* s) {
  uint32_t id = uint32_t(rec_.objects.size());
  assert(id < kValueCacheBit);
  rec_.objects.push_back(Recording::ObjectRecord{type, 0, 0});
  shadows_.push_back(s);
  return id;
}

void Recorder::add_change(uint32_t id, Shadow* s, Change::Op op, uint32_t index, RVal value) {
  uint32_t at = uint32_t(rec_.log.size());
  uint64_t bits = value.bits();
  rec_.log.push_back(Change{id, 0, uint32_t(op) | (index << 4), uint32_t(bits), uint32_t(bits >> 32)});
  if (s->last_change) rec_.log[s->last_change].next = at;
  s->last_change = at;
  if (s->open_checkpoint) {
    rec_.checkpoints[s->open_checkpoint].first_change = at;
    s->open_checkpoint = 0;
  }
}

void Recorder::add_checkpoint(uint32_t id, Shadow* s) {
  uint32_t ck = uint32_t(rec_.checkpoints.size());
  rec_.checkpoints.push_back(Checkpoint{id, uint32_t(rec_.log.size()), rec_.arena.size(), uint32_t(s->content.size()), 0});
  rec_.arena.insert(rec_.arena.end(), s->content.begin(), s->content.end());
  Recording::ObjectRecord& obj = rec_.objects[id];
  if (obj.first_checkpoint == 0) {
    obj.first_checkpoint = ck;
  } else {
    std::vector<uint32_t>& list = rec_.more_checkpoints[id];
    if (list.empty()) list.push_back(obj.first_checkpoint);
    list.push_back(ck);
  }
  obj.last_checkpoint = ck;
  s->open_checkpoint = ck;
  s->since_checkpoint = 0;
}

void Recorder::set_slot(uint32_t id, Shadow* s, uint32_t index, RVal value) {
  s->content[index] = value;
  add_change(id, s, Change::Op::Set, index, value);
  if (++s->since_checkpoint >= std::max<size_t>(32, s->content.size())) add_checkpoint(id, s);
}

void Recorder::diff_region(uint32_t id, Shadow* s, uint32_t from, const std::vector<RVal>& fresh, bool to_end) {
  std::vector<RVal>& old = s->content;
  const size_t n_old = to_end ? old.size() - from : fresh.size();
  const size_t n_new = fresh.size();
  assert(from + n_old <= old.size());
  size_t prefix = 0;
  while (prefix < n_old && prefix < n_new && old[from + prefix] == fresh[prefix]) ++prefix;
  if (prefix == n_old && prefix == n_new) return;
  size_t suffix = 0;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         old[from + n_old - 1 - suffix] == fresh[n_new - 1 - suffix])
    ++suffix;
  const size_t a = n_old - prefix - suffix, b = n_new - prefix - suffix;  // replaced run: a old slots -> b new ones
  const size_t common = std::min(a, b);
  size_t edits = 0;
  for (size_t i = 0; i < common; ++i) edits += old[from + prefix + i] != fresh[prefix + i];
  edits += (a > b ? 1 : b - a);
  // Many edits on a big object: one new checkpoint is smaller than the edits.
  if (edits > 16 && edits * 3 > old.size() * 2) {
    if (to_end) {
      old.resize(from);
      old.insert(old.end(), fresh.begin(), fresh.end());
    } else {
      std::copy(fresh.begin(), fresh.end(), old.begin() + from);
    }
    uint32_t ck = uint32_t(rec_.checkpoints.size());
    add_change(id, s, Change::Op::Reset, 0, RVal::integer(ck));
    add_checkpoint(id, s);
    return;
  }
  const uint32_t at = uint32_t(from + prefix);
  for (size_t i = 0; i < common; ++i)
    if (old[at + i] != fresh[prefix + i]) set_slot(id, s, uint32_t(at + i), fresh[prefix + i]);
  if (a > b) {
    old.erase(old.begin() + int64_t(at + common), old.begin() + int64_t(at + a));
    add_change(id, s, Change::Op::Erase, uint32_t(at + common), RVal::integer(int64_t(a - b)));
    ++s->since_checkpoint;
  } else {
    for (size_t i = common; i < b; ++i) {
      old.insert(old.begin() + int64_t(at + i), fresh[prefix + i]);
      add_change(id, s, Change::Op::Insert, uint32_t(at + i), fresh[prefix + i]);
      ++s->since_checkpoint;
    }
  }
  if (s->since_checkpoint >= std::max<size_t>(32, old.size())) add_checkpoint(id, s);
}

void Recorder::diff_object(uint32_t id, Shadow* s, uint32_t lo, uint32_t hi) {
  Object* o = s->object;
  const ObjType type = s->type;
  std::vector<RVal>& fresh = scratch_;
  fresh.clear();
  const uint32_t h = obj_header_size(type);
  const bool container = type == ObjType::List || type == ObjType::Tuple || type == ObjType::Set ||
                         type == ObjType::FrozenSet || type == ObjType::Dict || type == ObjType::Deque;
  if (!container) {
    build_header(o, type, fresh);
    build_elements(o, type, 0, 0, fresh);
    std::vector<RVal> copy(fresh);
    diff_region(id, s, 0, copy, true);
    return;
  }
  build_header(o, type, fresh);
  for (uint32_t i = 0; i < h; ++i)
    if (s->content[i] != fresh[i]) set_slot(id, s, i, fresh[i]);
  const uint32_t w = element_width(type);
  const uint32_t n_new = element_count(o, type);
  const uint32_t n_old = uint32_t((s->content.size() - h) / w);
  fresh.clear();
  if (hi == kToEnd || n_new != n_old) {
    lo = std::min({lo, n_new, n_old});
    build_elements(o, type, lo, n_new, fresh);
    std::vector<RVal> copy(fresh);
    diff_region(id, s, h + lo * w, copy, true);
  } else {
    hi = std::min(hi, n_new);
    if (lo >= hi) return;
    build_elements(o, type, lo, hi, fresh);
    std::vector<RVal> copy(fresh);
    diff_region(id, s, h + lo * w, copy, false);
  }
}

void Recorder::on_write(Object* object, uint32_t lo, uint32_t hi) {
  uint32_t id = object->rec_id;
  if (id == 0 || (id & kValueCacheBit) || id >= shadows_.size()) return;
  Shadow* s = shadows_[id];
  if (!s || s->object != object) return;
  if (!s->dirty) {
    s->dirty = true;
    s->dirty_lo = lo;
    s->dirty_hi = hi;
    dirty_.push_back(id);
  } else {
    s->dirty_lo = std::min(s->dirty_lo, lo);
    s->dirty_hi = std::max(s->dirty_hi, hi);
  }
}

void Recorder::on_free(Object* object) {
  uint32_t id = object->rec_id;
  if (id == 0 || (id & kValueCacheBit) || id >= shadows_.size()) return;
  Shadow* s = shadows_[id];
  if (s && s->object == object) release_shadow(id);
}

void Recorder::flush_heap() {
  drain_pending();
  // Diffing may record new objects (drained below) but never dirties recorded ones.
  for (size_t i = 0; i < dirty_.size(); ++i) {
    uint32_t id = dirty_[i];
    Shadow* s = shadows_[id];
    if (!s || !s->dirty) continue;
    s->dirty = false;
    diff_object(id, s, s->dirty_lo, s->dirty_hi);
  }
  dirty_.clear();
  drain_pending();  // objects recorded by the diffs above are built before any is compared
  for (size_t i = 0; i < polled_.size();) {
    Shadow* s = shadows_[polled_[i]];
    if (!s) {
      polled_[i] = polled_.back();
      polled_.pop_back();
      continue;
    }
    diff_object(polled_[i], s, 0, kToEnd);
    ++i;
  }
  drain_pending();
}

// ---------------------------------------------------------------- frames

uint32_t Recorder::code_index(const CodeObject* code) {
  if (code == last_code_) return last_code_index_;
  auto it = code_indexes_.find(code);
  uint32_t index;
  if (it != code_indexes_.end()) {
    index = it->second;
  } else {
    CodeRecord c;
    const CodeInfo& info = code->info;
    c.kind = (info.flags & kCodeModule) ? CodeRecord::Kind::Module
             : (info.flags & kCodeClassBody) ? CodeRecord::Kind::ClassBody
                                             : CodeRecord::Kind::Function;
    c.name = intern_text(code->name ? code->name->text : "?");
    c.qualname = intern_text(code->qualname ? code->qualname->text : "?");
    c.first_line = info.firstlineno;
    for (StrObject* n : code->cellvars) c.cell_names.push_back(intern_text(n->text));
    for (StrObject* n : code->freevars) c.cell_names.push_back(intern_text(n->text));
    c.ncellvars = uint32_t(code->cellvars.size());
    index = uint32_t(rec_.codes.size());
    rec_.codes.push_back(std::move(c));
    code_indexes_.emplace(code, index);
  }
  last_code_ = code;
  last_code_index_ = index;
  return index;
}

namespace {

// Slots of the plain locals of a code: co_varnames minus cell variables.
void plain_local_slots(const CodeObject* code, std::vector<int32_t>& out) {
  out.clear();
  for (int32_t i = 0; i < code->info.nlocals; ++i) {
    const StrObject* name = code->varnames[size_t(i)];
    bool is_cell = false;
    for (const StrObject* c : code->cellvars)
      if (c == name || c->text == name->text) { is_cell = true; break; }
    if (!is_cell) out.push_back(i);
  }
}

}  // namespace

void Recorder::register_frame(Frame& f) {
  const uint32_t fid = uint32_t(rec_.frames.size());
  f.rec_fid = fid;
  if (f.serial >= fid_of_serial_.size()) fid_of_serial_.resize(std::max<size_t>(f.serial + 1, fid_of_serial_.size() * 2));
  fid_of_serial_[f.serial] = fid;
  FrameRecord fr;
  fr.code = code_index(f.code);
  CodeRecord& code = rec_.codes[fr.code];
  static thread_local std::vector<int32_t> slots;
  plain_local_slots(f.code, slots);
  if (code.local_names.size() != slots.size()) {
    code.local_names.clear();
    for (int32_t i : slots) code.local_names.push_back(intern_text(f.code->varnames[size_t(i)]->text));
  }
  if (code.kind == CodeRecord::Kind::Function && f.function) {
    fr.function = conv(f.function).index();
    fr.parent = 0;
    RVal parent = parent_of(f.function->defining_frame);
    if (parent.kind() == RVal::Kind::Int) fr.parent = uint32_t(parent.as_int());
  }
  fr.first_step = uint32_t(rec_.steps.size());
  rec_.frames.push_back(fr);
  if (f.generator) {
    generator_fid_[f.generator->serial] = fid;
    uint32_t gen = f.generator->rec_id;
    if (gen != 0 && !(gen & kValueCacheBit) && gen < shadows_.size() && shadows_[gen])
      on_write(f.generator, 0, kToEnd);  // its fid is now known
  }
  // Its variables: [namespace, cells..., locals...].
  Shadow* s = new_shadow();
  s->type = ObjType::Frame;
  std::vector<RVal>& c = s->content;
  c.clear();
  c.push_back(f.locals_dict && code.kind != CodeRecord::Kind::Function ? conv(f.locals_dict) : RVal());
  const int32_t nlocals = f.code->info.nlocals;
  const size_t ncells = code.cell_names.size();
  for (size_t i = 0; i < ncells; ++i) c.push_back(conv(f.slots[nlocals + int32_t(i)]));
  for (int32_t i : slots) c.push_back(conv(f.slots[i]));
  uint32_t id = new_object(ObjType::Frame, s);
  rec_.frames[fid].variables = id;
  add_change(id, s, Change::Op::Create, 0, RVal::integer(rec_.checkpoints.size()));
  add_checkpoint(id, s);
}

void Recorder::diff_cell(CellObject* cell) {
  uint32_t id = cell->rec_id;
  if (id == 0 || id >= shadows_.size()) return;
  Shadow* s = shadows_[id];
  if (!s) return;
  RVal v = conv(cell->contents);
  if (s->content[1] != v) set_slot(id, s, 1, v);
}

void Recorder::diff_frame(Frame& f) {
  const uint32_t fid = f.rec_fid;
  if (fid == 0) return;
  const uint32_t id = rec_.frames[fid].variables;
  Shadow* s = shadows_[id];
  if (!s) return;
  const CodeRecord& code = rec_.codes[rec_.frames[fid].code];
  const int32_t nlocals = f.code->info.nlocals;
  const size_t ncells = code.cell_names.size();
  for (size_t i = 0; i < ncells; ++i) {
    Value cell = f.slots[nlocals + int32_t(i)];
    if (cell.is_object() && cell.as_object()->kind == ObjKind::Cell) diff_cell(static_cast<CellObject*>(cell.as_object()));
  }
  const size_t nplain = code.local_names.size();
  if (nplain == 0) return;
  // Plain local k lives in VM slot plain[k]; most codes have no cell variable among their
  // varnames, and then slot k is local k.
  RVal* shadow = s->content.data() + 1 + ncells;
  if (nplain == size_t(nlocals)) {
    for (size_t k = 0; k < nplain; ++k) {
      RVal v = conv(f.slots[k]);
      if (shadow[k] != v) {
        set_slot(id, s, uint32_t(1 + ncells + k), v);
        shadow = s->content.data() + 1 + ncells;
      }
    }
    return;
  }
  static thread_local std::vector<int32_t> slots;
  plain_local_slots(f.code, slots);
  for (size_t k = 0; k < nplain; ++k) {
    RVal v = conv(f.slots[slots[k]]);
    if (s->content[1 + ncells + k] != v) set_slot(id, s, uint32_t(1 + ncells + k), v);
  }
}

std::string Recorder::exception_text(VM& vm, ExceptionObject* exc, std::string* type_name) {
  const TypeObject* t = exc->type;
  *type_name = t->qualname.empty() ? t->name : t->qualname;
  if (t->module != "builtins" && t->module != "__main__" && !t->module.empty()) *type_name = t->module + "." + *type_name;
  // str(exc) may run a user __str__: run it untraced, as a settrace function would.
  TraceHook* saved = vm.trace_hook;
  vm.trace_hook = nullptr;
  std::string text;
  try {
    text = vm.to_str(exc)->text;
  } catch (...) {
    text = "<exception str() failed>";
  }
  vm.trace_hook = saved;
  return text;
}

// ---------------------------------------------------------------- events

void Recorder::on_event(VM& vm, Frame& frame, Event event, int line, Value value, bool is_yield, bool is_unwind) {
  // After <module> returns the program is over: code run to report an uncaught exception
  // (a user __str__) is not part of it, as CPython's tracer is off by then.
  if (finished_ || program_over_) return;
  vm_ = &vm;
  if (rec_.steps.size() - 1 >= options_.max_steps) {
    limit_reached_ = true;
    throw RecordingLimitReached{};
  }
  std::string exc_type, exc_message;
  if (event == Event::Exception && value.is_object() && value.as_object()->kind == ObjKind::Exception)
    exc_message = exception_text(vm, static_cast<ExceptionObject*>(value.as_object()), &exc_type);

  const std::vector<Frame*>& stack = vm.frame_stack();
  const size_t depth = stack.size();
  // 1. The frames that can have run since the previous event.
  auto still_there = [&](Frame* f, uint64_t serial, size_t at_depth) {
    return f && at_depth >= 1 && at_depth <= depth && stack[at_depth - 1] == f && f->serial == serial;
  };
  if (!last_left_ && still_there(last_frame_, last_serial_, last_depth_) && last_frame_ != &frame) diff_frame(*last_frame_);
  if (last_left_ && still_there(resumed_, resumed_serial_, resumed_depth_) && resumed_ != &frame) diff_frame(*resumed_);
  if (event == Event::Call && depth >= 2) {
    Frame* caller = stack[depth - 2];
    if (caller != last_frame_ || last_left_) diff_frame(*caller);
  }
  const bool first_call = frame.rec_fid == 0;
  if (first_call) register_frame(frame);
  else diff_frame(frame);
  const uint32_t fid = frame.rec_fid;

  // 2. Heap writes.
  if (!dirty_.empty() || !polled_.empty() || !pending_.empty()) flush_heap();

  // 3. What the event carries.
  if (event == Event::Return) {
    RVal r = conv(value);
    if (!pending_.empty()) drain_pending();
    uint64_t bits = r.bits();
    rec_.log.push_back(Change{fid, 0, uint32_t(Change::Op::Return), uint32_t(bits), uint32_t(bits >> 32)});
  } else if (event == Event::Exception) {
    uint32_t t = intern_text(exc_type), m = intern_text(exc_message);
    rec_.log.push_back(Change{fid, 0, uint32_t(Change::Op::Exception), t, m});
  }
  if (rec_.stdout_text.size() != stdout_marked_) {
    stdout_marked_ = rec_.stdout_text.size();
    rec_.stdout_marks.emplace_back(uint32_t(rec_.steps.size()), uint32_t(stdout_marked_));
  }

  // 4. The step.
  const uint32_t step = uint32_t(rec_.steps.size());
  if (depth + 1 > last_step_at_depth_.size()) last_step_at_depth_.resize((depth + 1) * 2, 0);
  StepRecord sr;
  sr.log_end = uint32_t(rec_.log.size());
  sr.fid = fid;
  sr.line = line;
  sr.caller_step = depth >= 2 ? last_step_at_depth_[depth - 1] : 0;
  sr.packed = uint32_t(event) | (is_yield ? 4u : 0u) | (is_unwind ? 8u : 0u) | uint32_t(depth << 4);
  rec_.steps.push_back(sr);
  last_step_at_depth_[depth] = step;

  const bool leaves = event == Event::Return;
  if (leaves && !is_yield) {
    rec_.frames[fid].last_step = step;
    release_shadow(rec_.frames[fid].variables);
    if (depth == 1) program_over_ = true;
  }
  last_frame_ = &frame;
  last_serial_ = frame.serial;
  last_depth_ = depth;
  last_left_ = leaves;
  if (leaves && depth >= 2) {
    resumed_ = stack[depth - 2];
    resumed_serial_ = resumed_->serial;
    resumed_depth_ = depth - 1;
  } else {
    resumed_ = nullptr;
  }
}

Recording Recorder::finish(RunEnd end) {
  finished_ = true;
  if (g_write_observer == this) g_write_observer = nullptr;
  rec_.end = std::move(end);
  if (rec_.end.status == RunEnd::Status::Limit && rec_.end.message.empty()) {
    std::string n = std::to_string(options_.max_steps), grouped;
    for (size_t i = 0; i < n.size(); ++i) {
      if (i > 0 && (n.size() - i) % 3 == 0) grouped += ',';
      grouped += n[i];
    }
    rec_.end.message = "stopped after " + grouped + " steps: the program may loop forever";
  }
  texts_.clear();
  rec_.steps.shrink_to_fit();
  rec_.log.shrink_to_fit();
  rec_.arena.shrink_to_fit();
  rec_.checkpoints.shrink_to_fit();
  rec_.objects.shrink_to_fit();
  rec_.frames.shrink_to_fit();
  return std::move(rec_);
}

}  // namespace cv
