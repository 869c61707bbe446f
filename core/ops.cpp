// Object protocols of the VM: special-method lookup, truth, hashing, equality and rich comparison, len, `in`, __index__.
#include "core/ops.h"

#include <cmath>
#include <cstring>

#include "core/numeric.h"

namespace cv {

// ---------------------------------------------------------------- special-method lookup

ObjKind kind_of(Value v) { return v.is_small_int() ? ObjKind::Int : v.as_object()->kind; }

std::string tp_name(const TypeObject* type) {
  if (type->is_builtin && !type->module.empty() && type->module != "builtins") return type->module + "." + type->name;
  return type->name;
}

std::string tp_name(const VM& vm, Value v) { return tp_name(vm.type_of(v)); }

TypeObject* layout_owner(const VM& vm, ObjKind kind) {
  const BuiltinTypes& t = vm.t;
  switch (kind) {
    case ObjKind::None: return t.none_type;
    case ObjKind::NotImplemented: return t.not_implemented_type;
    case ObjKind::Ellipsis: return t.ellipsis_type;
    case ObjKind::Bool: return t.bool_;
    case ObjKind::Int: return t.int_;
    case ObjKind::Float: return t.float_;
    case ObjKind::Str: return t.str;
    case ObjKind::List: return t.list;
    case ObjKind::Tuple: return t.tuple;
    case ObjKind::Dict: return t.dict;
    case ObjKind::Set: return t.set;
    case ObjKind::FrozenSet: return t.frozenset;
    case ObjKind::Range: return t.range;
    case ObjKind::Slice: return t.slice;
    case ObjKind::Type: return t.type;
    case ObjKind::Instance: return t.object;
    case ObjKind::Function: return t.function;
    case ObjKind::Builtin: return t.builtin_function;
    case ObjKind::BoundMethod: return t.method;
    case ObjKind::Cell: return t.cell;
    case ObjKind::Code: return t.code;
    case ObjKind::Generator: return t.generator;
    case ObjKind::Exception: return t.BaseException;
    case ObjKind::Module: return t.module;
    case ObjKind::Property: return t.property;
    case ObjKind::StaticMethod: return t.staticmethod;
    case ObjKind::ClassMethod: return t.classmethod;
    case ObjKind::Super: return t.super;
    case ObjKind::Iterator: return t.iterator;
    case ObjKind::Native: return t.native;
  }
  return t.object;
}

Value find_special_in_type(VM& vm, TypeObject* type, ObjKind kind, const StrObject* name) {
  const TypeObject* owner = layout_owner(vm, kind);
  if (type == owner) return Value();
  auto search = [&](const TypeObject* cls, bool* stop) -> Value {
    // Builtin exception classes all share BaseException's native behaviour.
    if (cls == owner || cls == vm.t.object || (kind == ObjKind::Exception && cls->is_builtin && cls->is_exception)) {
      *stop = true;
      return Value();
    }
    if (cls->attrs) {
      int64_t i = cls->attrs->table.find_str(name);
      if (i >= 0) return cls->attrs->table.entries()[size_t(i)].value;
    }
    return Value();
  };
  bool stop = false;
  if (type->mro.empty()) {
    Value v = search(type, &stop);
    return v;
  }
  for (const TypeObject* cls : type->mro) {
    Value v = search(cls, &stop);
    if (v || stop) return v;
  }
  return Value();
}

Value find_special(VM& vm, Value obj, const StrObject* name) {
  if (obj.is_small_int()) return Value();
  Object* o = obj.as_object();
  return find_special_in_type(vm, o->type, o->kind, name);
}

std::string function_str(VM& vm, Value callable) {
  // CPython ignores any error while reading the names and falls back to str(callable).
  try {
    Value qualname = vm.get_attr_or_null(callable, vm.intern("__qualname__"));
    if (qualname && VM::is_str(qualname)) {
      const std::string& name = static_cast<StrObject*>(qualname.as_object())->text;
      Value module = vm.get_attr_or_null(callable, vm.intern("__module__"));
      if (module && VM::is_str(module) && static_cast<StrObject*>(module.as_object())->text != "builtins")
        return static_cast<StrObject*>(module.as_object())->text + "." + name + "()";
      return name + "()";
    }
  } catch (const PyRaise&) {
  }
  try {
    return vm.to_str(callable)->text;
  } catch (const PyRaise&) {
    return "<callable>";
  }
}

Value call_special(VM& vm, Value method, Value self, PosArgs args) {
  bool takes_self = false;
  if (method.is_object()) {
    Object* m = method.as_object();
    takes_self = m->kind == ObjKind::Function || (m->kind == ObjKind::Builtin && static_cast<BuiltinFunction*>(m)->is_method);
  }
  if (takes_self) {
    Value buffer[4];
    std::vector<Value> heap_args;
    std::span<const Value> full;
    if (args.size() < 4) {
      buffer[0] = self;
      for (size_t i = 0; i < args.size(); ++i) buffer[i + 1] = args[i];
      full = std::span<const Value>(buffer, args.size() + 1);
    } else {
      heap_args.reserve(args.size() + 1);
      heap_args.push_back(self);
      heap_args.insert(heap_args.end(), args.begin(), args.end());
      full = heap_args;
    }
    return vm.call(method, full);
  }
  Value bound = bind_descriptor(vm, method, self, vm.type_of(self));
  return vm.call(bound, args);
}

// ---------------------------------------------------------------- small helpers

namespace {

const NameKey& key_bool() { static const NameKey k("__bool__"); return k; }
const NameKey& key_len() { static const NameKey k("__len__"); return k; }
const NameKey& key_hash() { static const NameKey k("__hash__"); return k; }
const NameKey& key_contains() { static const NameKey k("__contains__"); return k; }
const NameKey& key_index() { static const NameKey k("__index__"); return k; }

const StrObject* rich_name(CompareOpArg op) {
  static const NameKey names[] = {NameKey("__lt__"), NameKey("__le__"), NameKey("__eq__"),
                                  NameKey("__ne__"), NameKey("__gt__"), NameKey("__ge__")};
  return names[static_cast<int>(op)].get();
}

const char* rich_symbol(CompareOpArg op) {
  static const char* symbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return symbols[static_cast<int>(op)];
}

CompareOpArg reflected(CompareOpArg op) {
  switch (op) {
    case CompareOpArg::Lt: return CompareOpArg::Gt;
    case CompareOpArg::Le: return CompareOpArg::Ge;
    case CompareOpArg::Gt: return CompareOpArg::Lt;
    case CompareOpArg::Ge: return CompareOpArg::Le;
    default: return op;
  }
}

bool three_way_result(int c, CompareOpArg op) {
  switch (op) {
    case CompareOpArg::Lt: return c < 0;
    case CompareOpArg::Le: return c <= 0;
    case CompareOpArg::Eq: return c == 0;
    case CompareOpArg::Ne: return c != 0;
    case CompareOpArg::Gt: return c > 0;
    case CompareOpArg::Ge: return c >= 0;
  }
  return false;
}

// Nesting of native recursions (reprs of nested lists, comparisons of nested tuples), which
// CPython bounds with the recursion limit as well.
thread_local int native_recursion_depth = 0;

struct RecursionGuard {
  RecursionGuard(VM& vm, const char* where) {
    if (++native_recursion_depth > vm.limits.recursion_limit || native_recursion_depth > vm.limits.max_native_nesting) {
      --native_recursion_depth;
      vm.raise(vm.t.RecursionError, std::string("maximum recursion depth exceeded") + where);
    }
  }
  ~RecursionGuard() { --native_recursion_depth; }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;
};

// A number as the arithmetic and comparison code sees it.
struct Number {
  enum Kind { kNone, kSmall, kBig, kFloat } kind = kNone;
  int64_t small = 0;
  const BigInt* big = nullptr;
  double real = 0;
};

Number as_number(const VM& vm, Value v) {
  Number n;
  if (v.is_small_int()) {
    n.kind = Number::kSmall;
    n.small = v.as_small_int();
    return n;
  }
  if (v.is_null()) return n;
  Object* o = v.as_object();
  switch (o->kind) {
    case ObjKind::Bool:
      n.kind = Number::kSmall;
      n.small = v == vm.True ? 1 : 0;  // True and False are singletons; their layout is not assumed
      break;
    case ObjKind::Int:
      n.kind = Number::kBig;
      n.big = &static_cast<IntObject*>(o)->value;
      break;
    case ObjKind::Float:
      n.kind = Number::kFloat;
      n.real = static_cast<FloatObject*>(o)->value;
      break;
    default: break;
  }
  return n;
}

// -1, 0, 1, or nullopt when a NaN is involved.
std::optional<int> compare_numbers(const Number& a, const Number& b) {
  auto sign = [](auto x, auto y) { return x < y ? -1 : (x > y ? 1 : 0); };
  if (a.kind == Number::kFloat && b.kind == Number::kFloat) {
    if (std::isnan(a.real) || std::isnan(b.real)) return std::nullopt;
    return sign(a.real, b.real);
  }
  if (a.kind == Number::kFloat || b.kind == Number::kFloat) {
    const Number& i = a.kind == Number::kFloat ? b : a;
    double x = a.kind == Number::kFloat ? a.real : b.real;
    std::optional<int> c;
    if (i.kind == Number::kSmall && i.small > -(int64_t(1) << 53) && i.small < (int64_t(1) << 53)) {
      if (std::isnan(x)) return std::nullopt;
      c = sign(double(i.small), x);
    } else {
      c = compare_int_double(i.kind == Number::kSmall ? BigInt(i.small) : *i.big, x);
    }
    if (!c) return std::nullopt;
    return a.kind == Number::kFloat ? -*c : *c;
  }
  if (a.kind == Number::kSmall && b.kind == Number::kSmall) return sign(a.small, b.small);
  BigInt x = a.kind == Number::kSmall ? BigInt(a.small) : *a.big;
  BigInt y = b.kind == Number::kSmall ? BigInt(b.small) : *b.big;
  return x.compare(y) < 0 ? -1 : (x.compare(y) > 0 ? 1 : 0);
}

const std::vector<Value>& sequence_items(Value v) {
  Object* o = v.as_object();
  if (o->kind == ObjKind::List) return static_cast<ListObject*>(o)->items.vec();
  return static_cast<TupleObject*>(o)->items;
}

bool is_set_kind(ObjKind k) { return k == ObjKind::Set || k == ObjKind::FrozenSet; }

// Lexicographic comparison of two lists or two tuples, as CPython's list_richcompare:
// items equal by identity or ==, then the first differing pair decides.
Value compare_sequences(VM& vm, Value a, Value b, CompareOpArg op) {
  const std::vector<Value>& x = sequence_items(a);
  const std::vector<Value>& y = sequence_items(b);
  if (x.size() != y.size() && (op == CompareOpArg::Eq || op == CompareOpArg::Ne))
    return vm.new_bool(op == CompareOpArg::Ne);
  size_t i = 0;
  // The lists may change under a user __eq__, so sizes are re-read every step.
  for (; i < x.size() && i < y.size(); ++i) {
    Value xi = x[i], yi = y[i];
    if (!vm.equals(xi, yi)) break;
  }
  if (i >= x.size() || i >= y.size()) {
    int64_t c = int64_t(x.size()) - int64_t(y.size());
    return vm.new_bool(three_way_result(c < 0 ? -1 : (c > 0 ? 1 : 0), op));
  }
  if (op == CompareOpArg::Eq) return vm.False;
  if (op == CompareOpArg::Ne) return vm.True;
  Value xi = x[i], yi = y[i];
  return vm.compare(xi, yi, op);
}

bool dicts_equal(VM& vm, DictObject* a, DictObject* b) {
  if (a->table.size() != b->table.size()) return false;
  for (size_t i = 0; i < a->table.entries().size(); ++i) {
    HashTable::Entry e = a->table.entries()[i];
    if (e.key.is_null()) continue;
    int64_t j = b->table.find(vm, e.key, e.hash);
    if (j < 0) return false;
    Value other = b->table.entries()[size_t(j)].value;
    if (!vm.equals(e.value, other)) return false;
    if (a->table.entries().size() <= i) break;
  }
  return true;
}

Value compare_sets(VM& vm, SetObject* a, SetObject* b, CompareOpArg op) {
  int64_t na = a->table.size(), nb = b->table.size();
  switch (op) {
    case CompareOpArg::Eq: return vm.new_bool(na == nb && set_is_subset(vm, a, b));
    case CompareOpArg::Ne: return vm.new_bool(!(na == nb && set_is_subset(vm, a, b)));
    case CompareOpArg::Le: return vm.new_bool(set_is_subset(vm, a, b));
    case CompareOpArg::Ge: return vm.new_bool(set_is_subset(vm, b, a));
    case CompareOpArg::Lt: return vm.new_bool(na < nb && set_is_subset(vm, a, b));
    case CompareOpArg::Gt: return vm.new_bool(na > nb && set_is_subset(vm, b, a));
  }
  return vm.NotImplemented;
}

Value compare_object_default(VM& vm, Value a, Value b, CompareOpArg op);

// The comparison a builtin layout implements natively (CPython's tp_richcompare slots);
// NotImplemented when it does not know the other operand.
// Numbers compare exactly, across int and float (BigInt temporaries: kept off the recursion path).
[[gnu::noinline]] Value compare_number_values(VM& vm, const Number& na, Value b, CompareOpArg op) {
  Number nb = as_number(vm, b);
  if (nb.kind == Number::kNone) return vm.NotImplemented;
  std::optional<int> c = compare_numbers(na, nb);
  if (!c) return vm.new_bool(op == CompareOpArg::Ne);
  return vm.new_bool(three_way_result(*c, op));
}

// The layouts whose comparison never recurses into items.
[[gnu::noinline]] Value compare_other_layouts(VM& vm, Value a, Value b, CompareOpArg op) {
  Object* x = a.as_object();
  ObjKind kb = kind_of(b);
  switch (x->kind) {
    case ObjKind::Str: {
      if (kb != ObjKind::Str) return vm.NotImplemented;
      int c = static_cast<StrObject*>(x)->text.compare(static_cast<StrObject*>(b.as_object())->text);
      return vm.new_bool(three_way_result(c < 0 ? -1 : (c > 0 ? 1 : 0), op));
    }
    case ObjKind::Range: {
      if (kb != ObjKind::Range || (op != CompareOpArg::Eq && op != CompareOpArg::Ne)) return vm.NotImplemented;
      auto* r = static_cast<RangeObject*>(x);
      auto* s = static_cast<RangeObject*>(b.as_object());
      int64_t n = r->length();
      bool same = n == s->length() && (n == 0 || (r->start == s->start && (n == 1 || r->step == s->step)));
      return vm.new_bool(same == (op == CompareOpArg::Eq));
    }
    case ObjKind::Slice: {
      if (kb != ObjKind::Slice) return vm.NotImplemented;
      auto* r = static_cast<SliceObject*>(x);
      auto* s = static_cast<SliceObject*>(b.as_object());
      TupleObject* ta = vm.new_tuple({r->start, r->stop, r->step});
      TupleObject* tb = vm.new_tuple({s->start, s->stop, s->step});
      return compare_sequences(vm, ta, tb, op);
    }
    case ObjKind::BoundMethod: {
      if (kb != ObjKind::BoundMethod || (op != CompareOpArg::Eq && op != CompareOpArg::Ne))
        return compare_object_default(vm, a, b, op);
      auto* m = static_cast<BoundMethodObject*>(x);
      auto* n = static_cast<BoundMethodObject*>(b.as_object());
      bool same = m->self == n->self && vm.equals(m->func, n->func);
      return vm.new_bool(same == (op == CompareOpArg::Eq));
    }
    default: return compare_object_default(vm, a, b, op);
  }
}

// The comparison a builtin layout implements natively (CPython's tp_richcompare slots);
// NotImplemented when it does not know the other operand.
Value native_richcompare(VM& vm, Value a, Value b, CompareOpArg op) {
  Number na = as_number(vm, a);
  if (na.kind != Number::kNone) return compare_number_values(vm, na, b, op);
  Object* x = a.as_object();
  ObjKind kb = kind_of(b);
  switch (x->kind) {
    case ObjKind::List:
    case ObjKind::Tuple:
      if (kb != x->kind) return vm.NotImplemented;
      return compare_sequences(vm, a, b, op);
    case ObjKind::Dict:
      if (kb != ObjKind::Dict || (op != CompareOpArg::Eq && op != CompareOpArg::Ne)) return vm.NotImplemented;
      return vm.new_bool(dicts_equal(vm, static_cast<DictObject*>(x), static_cast<DictObject*>(b.as_object())) ==
                         (op == CompareOpArg::Eq));
    case ObjKind::Set:
    case ObjKind::FrozenSet:
      if (!is_set_kind(kb)) return vm.NotImplemented;
      return compare_sets(vm, static_cast<SetObject*>(x), static_cast<SetObject*>(b.as_object()), op);
    default: return compare_other_layouts(vm, a, b, op);
  }
}

Value rich_slot(VM& vm, Value self, Value other, CompareOpArg op);

// object.__eq__ / object.__ne__: identity, and != inverts the type's __eq__.
Value compare_object_default(VM& vm, Value a, Value b, CompareOpArg op) {
  if (op == CompareOpArg::Eq) return a == b ? vm.True : vm.NotImplemented;
  if (op == CompareOpArg::Ne) {
    Value eq = rich_slot(vm, a, b, CompareOpArg::Eq);
    if (eq == vm.NotImplemented) return eq;
    return vm.new_bool(!vm.truthy(eq));
  }
  return vm.NotImplemented;
}

// type(self).__op__(self, other): the user's method when it has one, else the layout's.
Value rich_slot(VM& vm, Value self, Value other, CompareOpArg op) {
  Value method = find_special(vm, self, rich_name(op));
  if (method) {
    if (method == vm.None) return vm.NotImplemented;
    Value args[1] = {other};
    return call_special(vm, method, self, args);
  }
  return native_richcompare(vm, self, other, op);
}

[[noreturn, gnu::noinline]] void raise_not_supported(VM& vm, CompareOpArg op, const TypeObject* ta, const TypeObject* tb) {
  vm.raise(vm.t.TypeError, std::string("'") + rich_symbol(op) + "' not supported between instances of '" + tp_name(ta) +
                               "' and '" + tp_name(tb) + "'");
}

bool is_exact_str(const VM& vm, Value v) { return v.is_object() && v.as_object()->type == vm.t.str; }

uint64_t combine_tuple_hash(VM& vm, const std::vector<Value>& items) {
  // CPython 3.11's tuplehash (xxHash-based), so hash((1, 2)) matches.
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < items.size(); ++i) {
    uint64_t lane = vm.hash(items[i]);
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += uint64_t(items.size()) ^ (kPrime5 ^ 3527539ULL);
  if (acc == ~uint64_t(0)) return 1546275796;
  return acc;
}

uint64_t frozenset_hash(const SetObject* s) {
  // CPython 3.11's frozenset_hash: order-independent, so equal frozensets hash equal.
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t hash = 0;
  for (const HashTable::Entry& e : s->table.entries())
    if (!e.key.is_null()) hash ^= shuffle(e.hash);
  hash ^= (uint64_t(s->table.size()) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == ~uint64_t(0)) hash = 590923713ULL;
  return hash;
}

}  // namespace

// ---------------------------------------------------------------- shared helpers

std::string fake_address(const Object* o) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(0x7f0000000000ULL + uint64_t(o->serial) * 16));
  return buffer;
}

uint64_t identity_hash(const Object* o) {
  // CPython rotates the address right by 4 bits; the fake address makes that the serial plus a base.
  return (0x7f0000000000ULL >> 4) + uint64_t(o->serial);
}

bool int_value(const VM& vm, Value v, BigInt* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  if (v.is_null()) return false;
  Object* o = v.as_object();
  if (o->kind == ObjKind::Bool) {
    *out = v == vm.True ? 1 : 0;
    return true;
  }
  if (o->kind == ObjKind::Int) {
    *out = static_cast<IntObject*>(o)->value;
    return true;
  }
  return false;
}

std::optional<int64_t> as_index(VM& vm, Value v) {
  if (v.is_small_int()) return v.as_small_int();
  if (v.is_null()) return std::nullopt;
  Object* o = v.as_object();
  if (o->kind == ObjKind::Bool) return v == vm.True ? 1 : 0;
  if (o->kind == ObjKind::Int) {
    std::optional<int64_t> small = bigint_to_int64(static_cast<IntObject*>(o)->value);
    if (!small) vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
    return small;
  }
  if (!find_special(vm, v, key_index().get())) return std::nullopt;
  BigInt big = vm.to_bigint(v);
  std::optional<int64_t> small = bigint_to_int64(big);
  if (!small) vm.raise(vm.t.IndexError, "cannot fit 'int' into an index-sized integer");
  return small;
}

SliceIndices slice_indices(VM& vm, const SliceObject* slice, int64_t length) {
  // Bounds beyond int64 are clamped, as CPython's _PyEval_SliceIndex clamps to ssize_t.
  auto bound = [&](Value v) -> std::optional<int64_t> {
    if (v.is_null() || v == vm.None) return std::nullopt;
    BigInt big;
    if (!int_value(vm, v, &big)) {
      if (!find_special(vm, v, key_index().get()))
        vm.raise(vm.t.TypeError, "slice indices must be integers or None or have an __index__ method");
      big = vm.to_bigint(v);
    }
    std::optional<int64_t> small = bigint_to_int64(big);
    if (small) return *small;
    return big < 0 ? INT64_MIN + 1 : INT64_MAX;
  };
  std::optional<int64_t> step = bound(slice->step);
  if (step && *step == 0) vm.raise(vm.t.ValueError, "slice step cannot be zero");
  return normalize_slice(length, bound(slice->start), bound(slice->stop), step);
}

// ---------------------------------------------------------------- truth

namespace {

// Truth of a builtin layout without user overrides.
bool native_truth(Object* o) {
  switch (o->kind) {
    case ObjKind::Int: return static_cast<IntObject*>(o)->value != 0;
    case ObjKind::Float: return static_cast<FloatObject*>(o)->value != 0.0;
    case ObjKind::Str: return !static_cast<StrObject*>(o)->text.empty();
    case ObjKind::List: return !static_cast<ListObject*>(o)->items.empty();
    case ObjKind::Tuple: return !static_cast<TupleObject*>(o)->items.empty();
    case ObjKind::Dict: return static_cast<DictObject*>(o)->table.size() > 0;
    case ObjKind::Set:
    case ObjKind::FrozenSet: return static_cast<SetObject*>(o)->table.size() > 0;
    case ObjKind::Range: return static_cast<RangeObject*>(o)->length() > 0;
    default: return true;
  }
}

}  // namespace

bool VM::truthy(Value v) {
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v.is_null()) return false;
  if (v == True) return true;
  if (v == False || v == None) return false;
  Object* o = v.as_object();
  if (o->type == layout_owner(*this, o->kind)) return native_truth(o);
  Value method = find_special(*this, v, key_bool().get());
  if (method) {
    Value r = call_special(*this, method, v, {});
    if (r != True && r != False)
      raise(t.TypeError, "__bool__ should return bool, returned " + tp_name(*this, r));
    return r == True;
  }
  if (find_special(*this, v, key_len().get())) return length(v) > 0;
  return native_truth(o);
}

// ---------------------------------------------------------------- hashing

uint64_t VM::hash(Value v) {
  if (v.is_small_int()) return uint64_t(hash_int64(v.as_small_int()));
  Object* o = v.as_object();
  // User classes: __hash__ along the MRO; a class defining __eq__ without __hash__ is unhashable.
  const TypeObject* owner = layout_owner(*this, o->kind);
  if (o->type != owner) {
    for (const TypeObject* cls : o->type->mro) {
      if (cls == owner || cls == t.object || (o->kind == ObjKind::Exception && cls->is_builtin && cls->is_exception))
        break;
      if (!cls->attrs) continue;
      int64_t i = cls->attrs->table.find_str(key_hash().get());
      if (i >= 0) {
        Value method = cls->attrs->table.entries()[size_t(i)].value;
        if (method == None) raise(t.TypeError, "unhashable type: '" + tp_name(o->type) + "'");
        Value r = call_special(*this, method, v, {});
        BigInt big;
        if (!int_value(*this, r, &big)) raise(t.TypeError, "__hash__ method should return an integer");
        int64_t h = r.is_small_int() ? hash_int64(r.as_small_int()) : hash_int(big);
        if (h == -1) h = -2;
        return uint64_t(h);
      }
    }
  }
  switch (o->kind) {
    case ObjKind::Bool: return v == True ? 1 : 0;
    case ObjKind::Int: return uint64_t(hash_int(static_cast<IntObject*>(o)->value));
    case ObjKind::Float: {
      double x = static_cast<FloatObject*>(o)->value;
      if (std::isnan(x)) return identity_hash(o);
      return uint64_t(hash_double(x));
    }
    case ObjKind::Str: return static_cast<StrObject*>(o)->hash();
    case ObjKind::Tuple: {
      RecursionGuard guard(*this, " while calling a Python object");
      return combine_tuple_hash(*this, static_cast<TupleObject*>(o)->items);
    }
    case ObjKind::FrozenSet: return frozenset_hash(static_cast<SetObject*>(o));
    case ObjKind::Range: {
      // As CPython: the hash of (len, start, step), with None for what does not matter.
      auto* r = static_cast<RangeObject*>(o);
      int64_t n = r->length();
      Value start = n == 0 ? None : new_int(r->start);
      Value step = n <= 1 ? None : new_int(r->step);
      return combine_tuple_hash(*this, {new_int(n), start, step});
    }
    case ObjKind::BoundMethod: {
      auto* m = static_cast<BoundMethodObject*>(o);
      uint64_t self_hash = m->self.is_small_int() ? uint64_t(m->self.as_small_int()) : identity_hash(m->self.as_object());
      uint64_t h = self_hash ^ hash(m->func);
      return h == ~uint64_t(0) ? ~uint64_t(1) : h;
    }
    case ObjKind::List:
    case ObjKind::Dict:
    case ObjKind::Set:
    case ObjKind::Slice: raise(t.TypeError, "unhashable type: '" + tp_name(o->type) + "'");
    default: return identity_hash(o);
  }
}

// ---------------------------------------------------------------- equality and comparison

bool VM::equals(Value a, Value b) {
  // Identity implies equality here, as in CPython's PyObject_RichCompareBool that containers use.
  if (a == b) return true;
  if (a.is_small_int() && b.is_small_int()) return false;
  if (is_exact_str(*this, a) && is_exact_str(*this, b))
    return static_cast<StrObject*>(a.as_object())->text == static_cast<StrObject*>(b.as_object())->text;
  Value r = compare(a, b, CompareOpArg::Eq);
  if (r == True) return true;
  if (r == False) return false;
  return truthy(r);
}

Value layout_richcompare(VM& vm, Value a, Value b, CompareOpArg op) {
  RecursionGuard guard(vm, " in comparison");
  return native_richcompare(vm, a, b, op);
}

Value VM::compare(Value a, Value b, CompareOpArg op) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    return new_bool(three_way_result(x < y ? -1 : (x > y ? 1 : 0), op));
  }
  RecursionGuard guard(*this, " in comparison");
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  bool reflected_done = false;
  if (ta != tb && tb->is_subtype_of(ta)) {
    Value r = rich_slot(*this, b, a, reflected(op));
    if (r != NotImplemented) return r;
    reflected_done = true;
  }
  Value r = rich_slot(*this, a, b, op);
  if (r != NotImplemented) return r;
  if (!reflected_done) {
    r = rich_slot(*this, b, a, reflected(op));
    if (r != NotImplemented) return r;
  }
  if (op == CompareOpArg::Eq) return new_bool(a == b);
  if (op == CompareOpArg::Ne) return new_bool(a != b);
  raise_not_supported(*this, op, ta, tb);
}

// ---------------------------------------------------------------- len and `in`

int64_t VM::length(Value v) {
  if (v.is_small_int()) raise(t.TypeError, "object of type 'int' has no len()");
  Object* o = v.as_object();
  Value method = find_special(*this, v, key_len().get());
  if (method) {
    Value r = call_special(*this, method, v, {});
    BigInt n;
    if (!int_value(*this, r, &n)) {
      if (!find_special(*this, r, key_index().get()))
        raise(t.TypeError, "'" + tp_name(*this, r) + "' object cannot be interpreted as an integer");
      n = to_bigint(r);
    }
    if (n < 0) raise(t.ValueError, "__len__() should return >= 0");
    std::optional<int64_t> small = bigint_to_int64(n);
    if (!small) raise(t.OverflowError, "cannot fit 'int' into an index-sized integer");
    return *small;
  }
  switch (o->kind) {
    case ObjKind::Str: return static_cast<StrObject*>(o)->length;
    case ObjKind::List: return int64_t(static_cast<ListObject*>(o)->items.size());
    case ObjKind::Tuple: return int64_t(static_cast<TupleObject*>(o)->items.size());
    case ObjKind::Dict: return static_cast<DictObject*>(o)->table.size();
    case ObjKind::Set:
    case ObjKind::FrozenSet: return static_cast<SetObject*>(o)->table.size();
    case ObjKind::Range: return static_cast<RangeObject*>(o)->length();
    default: break;
  }
  raise(t.TypeError, "object of type '" + tp_name(o->type) + "' has no len()");
}

bool VM::contains(Value container, Value item) {
  Value method = find_special(*this, container, key_contains().get());
  if (method) {
    if (method == None) raise(t.TypeError, "'" + tp_name(*this, container) + "' object is not a container");
    Value args[1] = {item};
    return truthy(call_special(*this, method, container, args));
  }
  if (container.is_object()) {
    Object* o = container.as_object();
    switch (o->kind) {
      case ObjKind::List:
      case ObjKind::Tuple: {
        const std::vector<Value>& items = sequence_items(container);
        for (size_t i = 0; i < items.size(); ++i)
          if (equals(items[i], item)) return true;
        return false;
      }
      case ObjKind::Dict: {
        auto* d = static_cast<DictObject*>(o);
        return d->table.find(*this, item, hash(item)) >= 0;
      }
      case ObjKind::Set:
      case ObjKind::FrozenSet: {
        auto* s = static_cast<SetObject*>(o);
        return s->table.find(*this, item, hash(item)) >= 0;
      }
      case ObjKind::Str: {
        if (kind_of(item) != ObjKind::Str)
          raise(t.TypeError, "'in <string>' requires string as left operand, not " + tp_name(*this, item));
        return static_cast<StrObject*>(o)->text.find(static_cast<StrObject*>(item.as_object())->text) != std::string::npos;
      }
      case ObjKind::Range: {
        auto* r = static_cast<RangeObject*>(o);
        ObjKind ik = kind_of(item);
        if (ik == ObjKind::Int || ik == ObjKind::Bool) {
          BigInt big;
          int_value(*this, item, &big);
          std::optional<int64_t> small = bigint_to_int64(big);
          if (!small) return false;  // every range item fits int64
          __int128 x = *small, start = r->start, stop = r->stop, step = r->step;
          if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) return false;
          return (x - start) % step == 0;
        }
        break;  // other values compare against each item (1.0 in range(3))
      }
      default: break;
    }
  }
  // The iteration protocol; "argument of type 'int' is not iterable" rather than iter()'s wording.
  Value iterator;
  try {
    iterator = get_iter(container);
  } catch (PyRaise& e) {
    if (!is_instance(Value(e.exception), t.TypeError)) throw;
    raise(t.TypeError, "argument of type '" + tp_name(*this, container) + "' is not iterable");
  }
  while (Value x = next(iterator))
    if (equals(x, item)) return true;
  return false;
}

// ---------------------------------------------------------------- __index__

BigInt VM::to_bigint(Value v) {
  BigInt out;
  if (int_value(*this, v, &out)) return out;
  Value method = find_special(*this, v, key_index().get());
  if (!method) raise(t.TypeError, "'" + tp_name(*this, v) + "' object cannot be interpreted as an integer");
  Value r = call_special(*this, method, v, {});
  if (!int_value(*this, r, &out)) raise(t.TypeError, "__index__ returned non-int (type " + tp_name(*this, r) + ")");
  return out;
}

int64_t VM::index_value(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  BigInt big = to_bigint(v);
  std::optional<int64_t> small = bigint_to_int64(big);
  if (!small) raise(t.OverflowError, "cannot fit 'int' into an index-sized integer");
  return *small;
}

}  // namespace cv
