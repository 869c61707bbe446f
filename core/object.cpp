// Object model support: the collector's `trace` walks, str construction and hashing, MRO lookup, range length.
#include "core/object.h"

#include <cstring>
#include <utility>

#include "core/vm.h"

namespace cv {

// ---------------------------------------------------------------- trace

void Object::trace(GcMarker& m) {
  // The class is a reference too: a user class may be reachable only through its instances.
  if (type) m.visit(type);
  if (attrs) m.visit(attrs);
}

void ListObject::trace(GcMarker& m) {
  Object::trace(m);
  for (Value v : std::as_const(items)) m.visit(v);  // const: marking is not a write
}

void TupleObject::trace(GcMarker& m) {
  Object::trace(m);
  for (Value v : items) m.visit(v);
}

void DictObject::trace(GcMarker& m) {
  Object::trace(m);
  table.trace(m);
  m.visit(default_factory);
}

void SetObject::trace(GcMarker& m) {
  Object::trace(m);
  table.trace(m);
}

void SliceObject::trace(GcMarker& m) {
  Object::trace(m);
  m.visit(start);
  m.visit(stop);
  m.visit(step);
}

void CellObject::trace(GcMarker& m) {
  Object::trace(m);
  m.visit(contents);
}

void CodeObject::trace(GcMarker& m) {
  Object::trace(m);
  for (Value v : constants) m.visit(v);
  for (auto* list : {&names, &varnames, &cellvars, &freevars})
    for (StrObject* s : *list)
      if (s) m.visit(s);
  if (name) m.visit(name);
  if (qualname) m.visit(qualname);
  if (filename) m.visit(filename);
}

void FunctionObject::trace(GcMarker& m) {
  Object::trace(m);
  if (code) m.visit(code);
  if (globals) m.visit(globals);
  if (defaults) m.visit(defaults);
  if (kwdefaults) m.visit(kwdefaults);
  if (closure) m.visit(closure);
  m.visit(name);
  m.visit(qualname);
  m.visit(doc);
  m.visit(module_name);
  m.visit(annotations);
}

void BuiltinFunction::trace(GcMarker& m) {
  Object::trace(m);
  if (data) m.visit(data);
}

void BoundMethodObject::trace(GcMarker& m) {
  Object::trace(m);
  m.visit(func);
  m.visit(self);
}

void DescriptorObject::trace(GcMarker& m) {
  Object::trace(m);
  m.visit(fget);
  m.visit(fset);
  m.visit(fdel);
  m.visit(doc);
}

void SuperObject::trace(GcMarker& m) {
  Object::trace(m);
  if (start_type) m.visit(start_type);
  m.visit(self);
}

void TypeObject::trace(GcMarker& m) {
  Object::trace(m);
  for (TypeObject* b : bases) m.visit(b);
  for (TypeObject* c : mro) m.visit(c);
}

void ExceptionObject::trace(GcMarker& m) {
  Object::trace(m);
  if (args) m.visit(args);
  m.visit(cause);
  m.visit(context);
  m.visit(value);
  m.visit(name_hint);
  m.visit(obj_hint);
  m.visit(traceback_object);
  for (const TracebackEntry& entry : traceback)
    if (entry.code) m.visit(entry.code);
}

void GeneratorObject::trace(GcMarker& m) {
  Object::trace(m);
  m.visit(name);
  m.visit(qualname);
  if (!frame) return;
  // A suspended frame is owned by its generator, so its contents are reachable only from here.
  const Frame& f = *frame;
  if (f.code) m.visit(f.code);
  if (f.function) m.visit(f.function);
  if (f.globals) m.visit(f.globals);
  if (f.locals_dict) m.visit(f.locals_dict);
  if (f.code && f.slots) {
    const size_t nslots = size_t(f.code->info.nlocals) + size_t(f.code->info.ncells()) + f.code->freevars.size();
    for (size_t i = 0; i < nslots; ++i) m.visit(f.slots[i]);
  }
  if (f.stack_base && f.sp)
    for (const Value* p = f.stack_base; p < f.sp; ++p) m.visit(*p);
  m.visit(f.pending);
  m.visit(f.class_name);
  m.visit(f.class_cell);
}

void NativeIterator::trace(GcMarker& m) {
  Object::trace(m);
  m.visit(source);
  for (Value v : extra) m.visit(v);
  if (data) m.visit(data);
}

void NativeObject::trace(GcMarker& m) {
  Object::trace(m);
  for (Value v : slots) m.visit(v);
}

// ---------------------------------------------------------------- str

StrObject::StrObject(TypeObject* t, std::string s)
    : Object(ObjKind::Str, t), text(std::move(s)), length(0), is_ascii(true) {
  // Eight bytes at a time: a code point starts at every byte except continuation bytes
  // (10xxxxxx), and the text is ASCII when no byte has its top bit set.
  constexpr uint64_t kTopBits = 0x8080808080808080ULL;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  uint64_t any_top_bit = 0;
  int64_t continuation_bytes = 0;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes + i, 8);
    any_top_bit |= word;
    continuation_bytes += __builtin_popcountll(word & ~(word << 1) & kTopBits);
  }
  for (; i < size; ++i) {
    any_top_bit |= bytes[i];
    if ((bytes[i] & 0xC0) == 0x80) ++continuation_bytes;
  }
  length = int64_t(size) - continuation_bytes;
  is_ascii = (any_top_bit & kTopBits) == 0;
}

namespace {

uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

uint64_t StrObject::hash() const {
  // hash('') is 0 in CPython; recomputing it each time is free, and 0 marks "not computed".
  if (text.empty()) return 0;
  if (hash_cache != 0) return hash_cache;
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t(text.size()) * 0x100000001B3ULL);
  const char* p = text.data();
  size_t n = text.size();
  while (n >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = mix64(h ^ word) + 0x9E3779B97F4A7C15ULL;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = mix64(h ^ tail ^ (uint64_t(n) << 56));
  // 0 is the "not computed" marker and -1 is never a Python hash.
  if (h == 0 || h == ~uint64_t(0)) h = 0x2545F4914F6CDD1DULL;
  hash_cache = h;
  return h;
}

// ---------------------------------------------------------------- classes

Value TypeObject::lookup(const StrObject* attr_name) const {
  if (mro.empty()) {
    // Only while a class is being built: its own namespace, then its bases.
    if (attrs) {
      int64_t i = attrs->table.find_str(attr_name);
      if (i >= 0) return attrs->table.entries()[size_t(i)].value;
    }
    for (const TypeObject* base : bases) {
      Value v = base->lookup(attr_name);
      if (v) return v;
    }
    return Value();
  }
  for (const TypeObject* cls : mro) {
    if (!cls->attrs) continue;
    int64_t i = cls->attrs->table.find_str(attr_name);
    if (i >= 0) return cls->attrs->table.entries()[size_t(i)].value;
  }
  return Value();
}

bool TypeObject::is_subtype_of(const TypeObject* other) const {
  if (this == other) return true;
  if (mro.empty()) {
    for (const TypeObject* base : bases)
      if (base->is_subtype_of(other)) return true;
    return false;
  }
  for (const TypeObject* cls : mro)
    if (cls == other) return true;
  return false;
}

// ---------------------------------------------------------------- range

int64_t RangeObject::length() const {
  __int128 lo = start, hi = stop, st = step;
  __int128 n = 0;
  if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
  else if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
  if (n > INT64_MAX) return INT64_MAX;
  return int64_t(n);
}

}  // namespace cv
