// Object model: the heap objects the VM manipulates (types, ints, strings, containers, functions, cells, ...).
//
// Every Python object is a C++ struct deriving from Object. `kind` names the
// C++ layout (what struct it really is); `type` is the Python class, which may be
// a user subclass of the layout's builtin type (a user exception is an
// ExceptionObject whose `type` is the user's class). Objects are owned by the
// Heap (heap.h) and freed by its tracing collector; `trace` reports outgoing
// references so the collector, and the recorder, can walk the object graph.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/bytecode.h"
#include "core/list_items.h"
#include "core/numeric.h"
#include "core/value.h"
#include "core/write_observer.h"

namespace cv {

class VM;
struct TypeObject;
struct DictObject;
struct StrObject;
struct TupleObject;
struct Frame;

// The C++ layout of an object. A user class inherits the layout of its builtin base.
enum class ObjKind : uint8_t {
  None, NotImplemented, Ellipsis, Bool,
  Int,        // IntObject: a big int that does not fit the small-int tag
  Float, Str, List, Tuple, Dict, Set, FrozenSet, Range, Slice,
  Type,       // TypeObject: builtin and user classes
  Instance,   // plain instance of a user class deriving from object
  Function,   // FunctionObject: Python function or lambda
  Builtin,    // BuiltinFunction: native function or method descriptor
  BoundMethod, Cell, Code, Generator, Exception, Module,
  Property, StaticMethod, ClassMethod, Super,
  Iterator,   // NativeIterator: list/tuple/range/dict/str iterators, map, zip, ...
  Native,     // NativeObject: other native state (partial, lru_cache wrapper, ...)
};

struct GcMarker;

struct Object {
  Object(ObjKind k, TypeObject* t) : kind(k), type(t) {}
  virtual ~Object() = default;
  // Report every Value/Object this object references (for the collector and the recorder).
  virtual void trace(GcMarker& marker);

  uint32_t gc_mark = 0;        // collection epoch in which this object was last marked
  uint32_t serial = 0;         // stable small id (allocation order), used for id() and traces
  const ObjKind kind;
  uint8_t heap_size_class = 0; // the Heap's pool the object's block came from, 0 = operator new (heap.h)
  uint32_t rec_id = 0;         // the recorder's id for this object, 0 until recorded (write_observer.h)
  TypeObject* type;
  DictObject* attrs = nullptr; // __dict__ of instances of user classes, functions and modules
};

inline uint32_t object_rec_id(const Object* o) { return o->rec_id; }

// Reports a write to `o` in [lo, hi) (write_observer.h); free unless the recorder has seen `o`.
inline void note_write(Object* o, uint32_t lo = 0, uint32_t hi = kToEnd) {
  if (o->rec_id != 0) [[unlikely]] note_write_slow(o, lo, hi);
}

struct GcMarker {
  virtual ~GcMarker() = default;
  virtual void visit(Object* object) = 0;
  void visit(Value v) { if (v.is_object()) visit(v.as_object()); }
};

// ---------------------------------------------------------------- numbers, strings

struct IntObject : Object {
  IntObject(TypeObject* t, BigInt v) : Object(ObjKind::Int, t), value(std::move(v)) {}
  BigInt value;  // never within small-int range (those are tagged Values)
};

struct FloatObject : Object {
  FloatObject(TypeObject* t, double v) : Object(ObjKind::Float, t), value(v) {}
  double value;
};

struct StrObject : Object {
  StrObject(TypeObject* t, std::string text);
  std::string text;         // UTF-8
  // Length and flags share one word: a str is among the most numerous objects (88 bytes, not 96).
  int64_t length : 62;      // in code points
  bool is_ascii : 1;
  bool interned : 1 = false;
  mutable uint64_t hash_cache = 0;  // 0 = not yet computed
  uint64_t hash() const;
};

// ---------------------------------------------------------------- containers

struct ListObject : Object {
  explicit ListObject(TypeObject* t) : Object(ObjKind::List, t), items(this) {}
  void trace(GcMarker& m) override;
  ListItems items;  // a std::vector<Value> that reports writes to the recorder
};

struct TupleObject : Object {
  explicit TupleObject(TypeObject* t) : Object(ObjKind::Tuple, t) {}
  void trace(GcMarker& m) override;
  std::vector<Value> items;
};

// Insertion-ordered hash table keyed by Python equality (dict, and the storage of sets).
// Hashing and equality may run Python code (user __hash__/__eq__), so operations take the VM.
class HashTable {
 public:
  struct Entry { uint64_t hash; Value key; Value value; };  // key null = deleted slot
  // Iteration order. Dicts keep insertion order; sets use CPython's set table, so that
  // `print({3, 1, 2})` shows CPython's order. In SetTable layout `entries()` is the slot
  // array itself (null keys are empty or deleted slots) and indexes are slot numbers.
  enum class Layout : uint8_t { Insertion, SetTable };
  HashTable() = default;
  explicit HashTable(Layout layout) : layout_(layout) {}
  // A copy belongs to no object; assigning keeps the target's owner and reports the write.
  HashTable(const HashTable& other);
  HashTable& operator=(const HashTable& other);
  // Ahead of inserting about `incoming` keys: SetTable resizes as CPython's set_merge and
  // set.update(dict) do (to (len + incoming) * 2 slots when the table would pass 60%
  // full), so that slot order matches CPython; Insertion makes room for them.
  void presize(int64_t incoming);
  // Adds every key of `other` (same layout): CPython's set_merge for SetTable (presize,
  // then a slot-for-slot copy or clean inserts into an empty table), dict.update for Insertion.
  void merge(VM& vm, const HashTable& other);
  int64_t size() const { return live_; }
  // Returns the entry index, or -1.
  int64_t find(VM& vm, Value key, uint64_t hash) const;
  int64_t find_str(const StrObject* key) const;  // fast path for interned/ASCII str keys
  // Inserts or overwrites; returns true when a new key was added.
  bool insert(VM& vm, Value key, uint64_t hash, Value value);
  bool erase(VM& vm, Value key, uint64_t hash);
  void clear();
  const std::vector<Entry>& entries() const { return entries_; }  // includes deleted slots
  std::vector<Entry>& entries_mut() { note_write(); return entries_; }
  uint64_t version() const { return version_; }  // bumped on every structural change
  void trace(GcMarker& m);
  // The dict or set this table stores: its writes are reported for that object (write_observer.h).
  void set_owner(Object* owner) { owner_ = owner; }

 private:
  void note_write(uint32_t lo = 0, uint32_t hi = kToEnd) {
    if (owner_ && owner_->rec_id != 0) [[unlikely]] note_write_slow(owner_, lo, hi);
  }
  void rebuild(size_t min_capacity);
  void set_resize(int64_t min_used);
  std::vector<Entry> entries_;
  std::vector<int32_t> index_;   // open addressing into entries_, -1 empty, -2 tombstone
  int64_t live_ = 0;
  uint64_t version_ = 0;
  Layout layout_ = Layout::Insertion;
  int64_t fill_ = 0;             // SetTable: live plus deleted slots
  Object* owner_ = nullptr;
};

struct DictObject : Object {
  explicit DictObject(TypeObject* t) : Object(ObjKind::Dict, t) { table.set_owner(this); }
  void trace(GcMarker& m) override;
  HashTable table;
  Value default_factory;  // collections.defaultdict only
};

struct SetObject : Object {
  SetObject(ObjKind k, TypeObject* t) : Object(k, t) { table.set_owner(this); }
  void trace(GcMarker& m) override;
  HashTable table{HashTable::Layout::SetTable};  // values unused
};

struct RangeObject : Object {
  RangeObject(TypeObject* t, int64_t a, int64_t b, int64_t s) : Object(ObjKind::Range, t), start(a), stop(b), step(s) {}
  int64_t start, stop, step;
  int64_t length() const;
};

struct SliceObject : Object {
  explicit SliceObject(TypeObject* t) : Object(ObjKind::Slice, t) {}
  void trace(GcMarker& m) override;
  Value start, stop, step;  // None objects when omitted
};

// ---------------------------------------------------------------- code, functions, cells

struct CellObject : Object {
  explicit CellObject(TypeObject* t) : Object(ObjKind::Cell, t) {}
  void trace(GcMarker& m) override;
  Value contents;            // null while empty
  uint64_t owner_frame = 0;  // serial of the frame that created the cell (0 = unknown)
};

struct CodeObject : Object {
  explicit CodeObject(TypeObject* t) : Object(ObjKind::Code, t) {}
  void trace(GcMarker& m) override;
  CodeInfo info;             // bytecode, names, constants: see bytecode.h
  std::vector<Value> constants;
  std::vector<StrObject*> names;     // interned names used by name/attribute instructions
  std::vector<StrObject*> varnames;  // co_varnames
  std::vector<StrObject*> cellvars;  // co_cellvars
  std::vector<StrObject*> freevars;  // co_freevars
  StrObject* name = nullptr;         // co_name
  StrObject* qualname = nullptr;     // co_qualname
  StrObject* filename = nullptr;
};

struct FunctionObject : Object {
  explicit FunctionObject(TypeObject* t) : Object(ObjKind::Function, t) {}
  void trace(GcMarker& m) override;
  CodeObject* code = nullptr;
  DictObject* globals = nullptr;
  TupleObject* defaults = nullptr;    // __defaults__, null when none
  DictObject* kwdefaults = nullptr;   // __kwdefaults__, null when none
  TupleObject* closure = nullptr;     // __closure__: cells in co_freevars order, null when none
  Value name;                         // __name__ (str, assignable)
  Value qualname;                     // __qualname__
  Value doc;                          // __doc__
  Value module_name;                  // __module__
  Value annotations;                  // __annotations__ dict; null until set or first read
  uint64_t defining_frame = 0;        // serial of the frame that executed the `def`/`lambda` (0 = none)
};

// A native function. `self` is bound for methods of builtin types when called through a BoundMethod.
using NativeFn = Value (*)(VM& vm, std::span<const Value> args, std::span<const std::pair<StrObject*, Value>> kwargs,
                           Object* data);
struct BuiltinFunction : Object {
  BuiltinFunction(TypeObject* t, std::string n, NativeFn f) : Object(ObjKind::Builtin, t), name(std::move(n)), fn(f) {}
  void trace(GcMarker& m) override;
  std::string name;        // __name__
  std::string qualname;    // "list.append" for methods, else the name
  NativeFn fn;
  Object* data = nullptr;  // optional native state (e.g. the wrapped function of a partial)
  bool is_method = false;  // a method descriptor: binds `self` when read from an instance
  bool accepts_kwargs = true;
};

struct BoundMethodObject : Object {
  BoundMethodObject(TypeObject* t, Value f, Value s) : Object(ObjKind::BoundMethod, t), func(f), self(s) {}
  void trace(GcMarker& m) override;
  Value func;
  Value self;
};

// property / staticmethod / classmethod wrappers.
struct DescriptorObject : Object {
  DescriptorObject(ObjKind k, TypeObject* t) : Object(k, t) {}
  void trace(GcMarker& m) override;
  Value fget, fset, fdel, doc;  // property; staticmethod/classmethod keep the function in fget
};

struct SuperObject : Object {
  SuperObject(TypeObject* t, TypeObject* start, Value obj) : Object(ObjKind::Super, t), start_type(start), self(obj) {}
  void trace(GcMarker& m) override;
  TypeObject* start_type;  // lookup starts after this class in the MRO of type(self)
  Value self;
};

struct ModuleObject : Object {
  ModuleObject(TypeObject* t, std::string n) : Object(ObjKind::Module, t), name(std::move(n)) {}
  std::string name;  // attributes live in Object::attrs
};

// ---------------------------------------------------------------- classes

struct TypeObject : Object {
  explicit TypeObject(TypeObject* meta) : Object(ObjKind::Type, meta) {}
  void trace(GcMarker& m) override;
  std::string name;                 // __name__
  std::string qualname;             // __qualname__
  std::string module = "builtins";  // __module__
  std::vector<TypeObject*> bases;   // __bases__
  std::vector<TypeObject*> mro;     // __mro__, self first (C3 linearization)
  ObjKind instance_kind = ObjKind::Instance;  // layout of instances
  bool is_builtin = true;           // builtin types reject attribute assignment
  bool is_exception = false;        // subclass of BaseException
  // Looks `name` up along the MRO; null when absent.
  Value lookup(const StrObject* name) const;
  bool is_subtype_of(const TypeObject* other) const;
};

struct InstanceObject : Object {
  explicit InstanceObject(TypeObject* t) : Object(ObjKind::Instance, t) {}
};

// ---------------------------------------------------------------- exceptions

struct TracebackEntry {
  CodeObject* code;  // where the exception passed (code's filename and name are printed)
  int line;
  int32_t instruction = -1;  // the instruction it passed (its columns place the carets), -1 unknown
};

struct ExceptionObject : Object {
  explicit ExceptionObject(TypeObject* t) : Object(ObjKind::Exception, t) {}
  void trace(GcMarker& m) override;
  TupleObject* args = nullptr;
  Value cause;              // __cause__
  Value context;            // __context__
  bool suppress_context = false;
  // Innermost first (the order unwinding meets frames, so each frame is a push_back); printed in reverse.
  std::vector<TracebackEntry> traceback;
  Value value;              // StopIteration.value
  Value name_hint;          // NameError.name / AttributeError.name + obj, for "Did you mean"
  Value obj_hint;
  int32_t caught_at = -1;   // instruction at which the frame that last caught it was (CPython's pushed lasti)
  Value traceback_object;   // __traceback__'s head, made on demand (VM::traceback_object) for the entries it covers
};

// ---------------------------------------------------------------- generators, iterators, native state

struct GeneratorObject : Object {
  explicit GeneratorObject(TypeObject* t) : Object(ObjKind::Generator, t) {}
  ~GeneratorObject() override;
  void trace(GcMarker& m) override;
  Frame* frame = nullptr;  // owned; null once finished
  Value name, qualname;
  bool running = false;
  bool started = false;
};

// A native iterator: `next` returns a null Value when exhausted (no StopIteration object is made).
struct NativeIterator : Object {
  using NextFn = Value (*)(VM& vm, NativeIterator& self);
  NativeIterator(TypeObject* t, NextFn n) : Object(ObjKind::Iterator, t), next(n) {}
  void trace(GcMarker& m) override;
  NextFn next;
  Value source;                 // the iterated object / an inner iterator
  std::vector<Value> extra;     // more state: several iterators for zip, the function for map, ...
  int64_t index = 0;
  int64_t limit = 0;
  int64_t step = 1;
  Object* data = nullptr;
};

// Native state for library objects (functools.partial, lru_cache wrappers, ...).
struct NativeObject : Object {
  explicit NativeObject(TypeObject* t) : Object(ObjKind::Native, t) {}
  void trace(GcMarker& m) override;
  std::vector<Value> slots;
  int64_t counters[4] = {0, 0, 0, 0};
};

}  // namespace cv
