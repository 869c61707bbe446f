// The functools module: partial, reduce, wraps/update_wrapper, lru_cache/cache, cmp_to_key, total_ordering, cached_property.
//
// Closure lessons lean on this module (decorators, memoization, late-binding fixes),
// so behaviour visible to programs follows CPython 3.11's C implementation: the
// lru_cache hit/miss bookkeeping and eviction order, partial's flattening and repr,
// update_wrapper's attribute copying order.
#include <algorithm>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

// The module's classes and helpers, found through the module dict at call time.
struct Functools {
  ModuleObject* module;
  Value get(VM& vm, std::string_view name) const { return dict_get_str(vm, module->attrs, name); }
};

ModuleObject* module_of(Object* data) { return static_cast<ModuleObject*>(data); }

TypeObject* new_native_type(VM& vm, ModuleObject* module, std::string name) {
  TypeObject* type = vm.new_type(name, {vm.t.object}, ObjKind::Native, true);
  type->module = module->name;
  dict_set_str(vm, module->attrs, name, type);
  return type;
}

bool is_callable(VM& vm, Value v) {
  if (v.is_object()) {
    ObjKind k = v.as_object()->kind;
    if (k == ObjKind::Function || k == ObjKind::Builtin || k == ObjKind::BoundMethod || k == ObjKind::Type) return true;
  }
  return !vm.type_of(v)->lookup(vm.intern("__call__")).is_null();
}

// The keywords of a call through a partial: {**stored, **given}, in that order.
std::vector<std::pair<StrObject*, Value>> merged_keywords(VM& vm, DictObject* stored, KwArgs given) {
  std::vector<std::pair<StrObject*, Value>> out;
  for (auto& [k, v] : dict_items(stored)) {
    StrObject* name = vm.intern(str_text(k));
    Value value = v;
    for (auto& kw : given)
      if (kw_name(kw) == name->text) value = kw.second;
    out.emplace_back(name, value);
  }
  for (auto& kw : given) {
    bool stored_already = false;
    for (auto& o : out) stored_already |= o.first->text == kw_name(kw);
    if (!stored_already) out.emplace_back(kw.first, kw.second);
  }
  return out;
}

// ---------------------------------------------------------------- partial
// NativeObject slots: [func, args tuple, keywords dict].

NativeObject* self_native(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<NativeObject>(vm, args, static_cast<TypeObject*>(data), method);
}

Value partial_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* base = static_cast<TypeObject*>(data);
  TypeObject* cls = new_cls(vm, args, base);
  if (args.size() < 2) vm.raise_type_error("type 'partial' takes at least one argument");
  Value func = args[1];
  if (!is_callable(vm, func)) vm.raise_type_error("the first argument must be callable");
  std::vector<Value> pargs;
  DictObject* keywords = vm.new_dict();
  // partial(partial(f, 1), 2) is flattened to partial(f, 1, 2), as in CPython.
  if (has_kind(func, ObjKind::Native) && vm.type_of(func) == base) {
    auto* inner = as<NativeObject>(func);
    func = inner->slots[0];
    pargs = as<TupleObject>(inner->slots[1])->items;
    keywords->table = as<DictObject>(inner->slots[2])->table;
  }
  pargs.insert(pargs.end(), args.begin() + 2, args.end());
  for (auto& kw : kwargs) dict_set(vm, keywords, kw.first, kw.second);
  auto* p = vm.heap.make<NativeObject>(cls);
  p->slots = {func, vm.new_tuple(std::move(pargs)), keywords};
  p->attrs = vm.new_dict();
  return p;
}

Value partial_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "__call__");
  std::vector<Value> call_args = as<TupleObject>(self->slots[1])->items;
  call_args.insert(call_args.end(), args.begin() + 1, args.end());
  return vm.call(self->slots[0], call_args, merged_keywords(vm, as<DictObject>(self->slots[2]), kwargs));
}

Value partial_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "__repr__");
  TypeObject* t = vm.type_of(self);
  std::string out = t->module + "." + t->qualname + "(" + vm.repr(self->slots[0])->text;
  for (Value v : as<TupleObject>(self->slots[1])->items) out += ", " + vm.repr(v)->text;
  for (auto& [k, v] : dict_items(as<DictObject>(self->slots[2]))) out += ", " + str_text(k) + "=" + vm.repr(v)->text;
  return vm.new_str(out + ")");
}

Value partial_func(VM& vm, PosArgs args, KwArgs, Object* data) { return self_native(vm, args, data, "func")->slots[0]; }
Value partial_args(VM& vm, PosArgs args, KwArgs, Object* data) { return self_native(vm, args, data, "args")->slots[1]; }
Value partial_keywords(VM& vm, PosArgs args, KwArgs, Object* data) {
  return self_native(vm, args, data, "keywords")->slots[2];
}

// ---------------------------------------------------------------- partialmethod
// NativeObject slots: [func, args tuple, keywords dict]. Read from an instance it is
// partial(func bound to the instance, *args, **keywords); from the class it stays itself,
// and calling it then passes the first argument as self, like CPython's _method.

Value partialmethod_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));
  if (args.size() < 2) vm.raise_type_error("type 'partialmethod' takes at least one argument");
  if (!is_callable(vm, args[1]) && vm.get_attr_or_null(args[1], vm.intern("__get__")).is_null())
    vm.raise_type_error(vm.repr(args[1])->text + " is not callable or a descriptor");
  auto* p = vm.heap.make<NativeObject>(cls);
  DictObject* keywords = vm.new_dict();
  for (auto& kw : kwargs) dict_set(vm, keywords, kw.first, kw.second);
  p->slots = {args[1], vm.new_tuple(std::vector<Value>(args.begin() + 2, args.end())), keywords};
  return p;
}

// data: a tuple (the partialmethod class, the partial class).
Value partialmethod_get(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* classes = static_cast<TupleObject*>(data);
  NativeObject* self = method_self_as<NativeObject>(vm, args, as<TypeObject>(classes->items[0]), "__get__");
  kwargs_none(vm, "__get__", kwargs);
  args_between(vm, "__get__", args.subspan(1), 1, 2);
  Value obj = args[1];
  if (obj == vm.None) return self;
  TypeObject* owner = args.size() > 2 && has_kind(args[2], ObjKind::Type) ? as<TypeObject>(args[2]) : vm.type_of(obj);
  Value bound = bind_descriptor(vm, self->slots[0], obj, owner);
  std::vector<Value> call_args{bound};
  const auto& stored = as<TupleObject>(self->slots[1])->items;
  call_args.insert(call_args.end(), stored.begin(), stored.end());
  auto kw = merged_keywords(vm, as<DictObject>(self->slots[2]), {});
  return vm.call(classes->items[1], call_args, kw);
}

Value partialmethod_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = method_self_as<NativeObject>(vm, args, static_cast<TypeObject*>(data), "__call__");
  if (args.size() < 2) vm.raise_type_error("descriptor '_method' of 'partialmethod' object needs an argument");
  std::vector<Value> call_args{args[1]};
  const auto& stored = as<TupleObject>(self->slots[1])->items;
  call_args.insert(call_args.end(), stored.begin(), stored.end());
  call_args.insert(call_args.end(), args.begin() + 2, args.end());
  return vm.call(self->slots[0], call_args, merged_keywords(vm, as<DictObject>(self->slots[2]), kwargs));
}

// ---------------------------------------------------------------- reduce

Value functools_reduce(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "reduce", kwargs);
  args_between(vm, "reduce", args, 2, 3);
  Value acc = args.size() == 3 ? args[2] : Value();
  Value fn = args[0];
  Value iterator;
  try {
    iterator = vm.get_iter(args[1]);
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.TypeError)) throw;
    vm.raise_type_error("reduce() arg 2 must support iteration");
  }
  while (true) {
    Value item = vm.next(iterator);
    if (item.is_null()) break;
    if (acc.is_null()) {
      acc = item;
    } else {
      std::vector<Value> pair{acc, item};
      acc = vm.call(fn, pair);
    }
  }
  if (acc.is_null()) vm.raise_type_error("reduce() of empty iterable with no initial value");
  return acc;
}

// ---------------------------------------------------------------- update_wrapper, wraps

// Where setattr on `obj` would store arbitrary attributes; created for objects that may have them.
DictObject* attribute_dict(VM& vm, Value obj) {
  if (!obj.is_object()) return nullptr;
  Object* o = obj.as_object();
  if (!o->attrs && (o->kind == ObjKind::Function || o->kind == ObjKind::Instance || o->kind == ObjKind::Native))
    o->attrs = vm.new_dict();
  return o->attrs;
}

void set_wrapper_attr(VM& vm, Value wrapper, std::string_view name, Value v) {
  // Library wrappers (lru_cache, partial) keep such attributes in their dict; everything
  // else goes through setattr like CPython's update_wrapper.
  if (has_kind(wrapper, ObjKind::Native) && wrapper.as_object()->attrs) {
    dict_set_str(vm, wrapper.as_object()->attrs, name, v);
    return;
  }
  vm.set_attr(wrapper, vm.intern(name), v);
}

Value update_wrapper_impl(VM& vm, Value wrapper, Value wrapped, Value assigned, Value updated) {
  for_each_item(vm, assigned, [&](Value name) {
    if (!VM::is_str(name)) vm.raise_type_error("attribute name must be string, not '" + vm.type_name(name) + "'");
    Value v = with_py_errors(vm, [&] { return vm.get_attr_or_null(wrapped, vm.intern(str_text(name))); });
    if (!v.is_null()) set_wrapper_attr(vm, wrapper, str_text(name), v);
    return true;
  });
  for_each_item(vm, updated, [&](Value name) {
    if (!VM::is_str(name)) vm.raise_type_error("attribute name must be string, not '" + vm.type_name(name) + "'");
    if (str_text(name) == "__dict__") {
      DictObject* into = attribute_dict(vm, wrapper);
      DictObject* from = wrapped.is_object() ? wrapped.as_object()->attrs : nullptr;
      if (into && from)
        for (auto& [k, v] : dict_items(from)) dict_set(vm, into, k, v);
      return true;
    }
    Value target = vm.get_attr(wrapper, vm.intern(str_text(name)));
    Value source = vm.get_attr_or_null(wrapped, vm.intern(str_text(name)));
    if (!source.is_null()) vm.call_method(target, vm.intern("update"), {&source, 1});
    return true;
  });
  set_wrapper_attr(vm, wrapper, "__wrapped__", wrapped);
  return wrapper;
}

Value functools_update_wrapper(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  static const Signature sig("update_wrapper", "wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES");
  BoundArgs a = sig.bind(vm, args, kwargs);
  Functools ft{module_of(data)};
  Value assigned = a.has(2) ? a[2] : ft.get(vm, "WRAPPER_ASSIGNMENTS");
  Value updated = a.has(3) ? a[3] : ft.get(vm, "WRAPPER_UPDATES");
  return update_wrapper_impl(vm, a[0], a[1], assigned, updated);
}

// wraps(wrapped) is partial(update_wrapper, wrapped=wrapped, assigned=..., updated=...), as in CPython.
Value functools_wraps(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  static const Signature sig("wraps", "wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES");
  BoundArgs a = sig.bind(vm, args, kwargs);
  Functools ft{module_of(data)};
  Value update_wrapper = ft.get(vm, "update_wrapper");
  std::vector<std::pair<StrObject*, Value>> kw{
      {vm.intern("wrapped"), a[0]},
      {vm.intern("assigned"), a.has(1) ? a[1] : ft.get(vm, "WRAPPER_ASSIGNMENTS")},
      {vm.intern("updated"), a.has(2) ? a[2] : ft.get(vm, "WRAPPER_UPDATES")},
  };
  return vm.call(ft.get(vm, "partial"), {&update_wrapper, 1}, kw);
}

// ---------------------------------------------------------------- lru_cache
// The wrapper is a NativeObject: slots [func, cache dict, kwd_mark, CacheInfo class];
// counters [hits, misses, maxsize (-1 = None), typed].

enum LruSlot { kFunc = 0, kCache = 1, kKwdMark = 2, kCacheInfo = 3 };
enum LruCounter { kHits = 0, kMisses = 1, kMaxsize = 2, kTyped = 3 };

Value make_lru_wrapper(VM& vm, ModuleObject* module, Value func, int64_t maxsize, bool typed) {
  Functools ft{module};
  auto* type = as<TypeObject>(ft.get(vm, "_lru_cache_wrapper"));
  auto* w = vm.heap.make<NativeObject>(type);
  w->slots = {func, vm.new_dict(), ft.get(vm, "_kwd_mark"), ft.get(vm, "_CacheInfo")};
  w->counters[kHits] = 0;
  w->counters[kMisses] = 0;
  w->counters[kMaxsize] = maxsize;
  w->counters[kTyped] = typed ? 1 : 0;
  w->attrs = vm.new_dict();
  update_wrapper_impl(vm, w, func, ft.get(vm, "WRAPPER_ASSIGNMENTS"), ft.get(vm, "WRAPPER_UPDATES"));
  return w;
}

// The decorator lru_cache(maxsize, typed) returns; data is a tuple (module, maxsize, typed).
Value lru_decorating_function(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value func = arg_exactly_one(vm, "decorating_function", args, kwargs);
  auto* params = static_cast<TupleObject*>(data);
  return make_lru_wrapper(vm, module_of(params->items[0].as_object()), func, params->items[1].as_small_int(),
                          params->items[2] == vm.True);
}

Value functools_lru_cache(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  static const Signature sig("lru_cache", "maxsize=128, typed=False");
  BoundArgs a = sig.bind(vm, args, kwargs);
  bool typed = a.has(1) && vm.truthy(a[1]);
  Value maxsize_arg = a.get(0, vm.new_int(128));
  int64_t maxsize;
  if (VM::is_int(maxsize_arg)) {
    BigInt n = vm.to_bigint(maxsize_arg);
    maxsize = n < 0 ? 0 : n > Value::kSmallMax ? Value::kSmallMax : static_cast<int64_t>(n);
  } else if (maxsize_arg == vm.None) {
    maxsize = -1;
  } else if (is_callable(vm, maxsize_arg)) {
    return make_lru_wrapper(vm, module_of(data), maxsize_arg, 128, typed);  // used bare: @lru_cache
  } else {
    vm.raise_type_error("Expected first argument to be an integer, a callable, or None");
  }
  TupleObject* params = vm.new_tuple({data, vm.new_int(maxsize), vm.new_bool(typed)});
  BuiltinFunction* decorator = vm.new_builtin("decorating_function", lru_decorating_function, params);
  decorator->qualname = "lru_cache.<locals>.decorating_function";
  return decorator;
}

Value functools_cache(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value func = arg_exactly_one(vm, "cache", args, kwargs);
  return make_lru_wrapper(vm, module_of(data), func, -1, false);
}

// The cache key of a call, as CPython's lru_cache_make_key: a single exact int or str
// argument is its own key, otherwise the arguments (then a marker and the keyword pairs,
// then with typed=True the argument types) as a tuple. The shortcut is observable:
// f(2) and f(2.0) are two cache entries even without typed=True.
Value lru_key(VM& vm, NativeObject* w, PosArgs args, KwArgs kwargs) {
  bool typed = w->counters[kTyped] != 0;
  if (!typed && kwargs.empty()) {
    if (args.size() == 1) {
      Value a = args[0];
      TypeObject* t = vm.type_of(a);
      if (t == vm.t.int_ || t == vm.t.str) return a;
    }
    return vm.new_tuple(std::vector<Value>(args.begin(), args.end()));
  }
  std::vector<Value> key(args.begin(), args.end());
  if (!kwargs.empty()) {
    key.push_back(w->slots[kKwdMark]);
    for (auto& kw : kwargs) {
      key.push_back(kw.first);
      key.push_back(kw.second);
    }
  }
  if (typed) {
    for (Value a : args) key.push_back(vm.type_of(a));
    for (auto& kw : kwargs) key.push_back(vm.type_of(kw.second));
  }
  return vm.new_tuple(std::move(key));
}

Value lru_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* w = self_native(vm, args, data, "__call__");
  PosArgs call_args = args.subspan(1);
  int64_t maxsize = w->counters[kMaxsize];
  if (maxsize == 0) {
    ++w->counters[kMisses];
    return vm.call(w->slots[kFunc], call_args, kwargs);
  }
  auto* cache = as<DictObject>(w->slots[kCache]);
  Value key = lru_key(vm, w, call_args, kwargs);
  uint64_t h = vm.hash(key);
  int64_t at = cache->table.find(vm, key, h);
  if (at >= 0) {
    Value result = cache->table.entries()[size_t(at)].value;
    ++w->counters[kHits];
    if (maxsize > 0) {  // most recently used goes last
      cache->table.erase(vm, key, h);
      cache->table.insert(vm, key, h, result);
    }
    return result;
  }
  ++w->counters[kMisses];
  Value result = vm.call(w->slots[kFunc], call_args, kwargs);
  // A recursive call may have cached this key meanwhile: keep that entry, as CPython.
  if (cache->table.find(vm, key, h) >= 0) return result;
  if (maxsize > 0 && cache->table.size() >= maxsize) {
    for (const auto& e : cache->table.entries()) {
      if (e.key.is_null()) continue;
      Value oldest = e.key;
      cache->table.erase(vm, oldest, e.hash);
      break;
    }
  }
  cache->table.insert(vm, key, h, result);
  return result;
}

Value lru_cache_info(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* w = self_native(vm, args, data, "cache_info");
  args_none(vm, "cache_info", args.subspan(1), kwargs);
  int64_t maxsize = w->counters[kMaxsize];
  std::vector<Value> fields{vm.new_int(w->counters[kHits]), vm.new_int(w->counters[kMisses]),
                            maxsize < 0 ? vm.None : vm.new_int(maxsize),
                            vm.new_int(as<DictObject>(w->slots[kCache])->table.size())};
  return vm.call(w->slots[kCacheInfo], fields);
}

Value lru_cache_clear(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* w = self_native(vm, args, data, "cache_clear");
  args_none(vm, "cache_clear", args.subspan(1), kwargs);
  as<DictObject>(w->slots[kCache])->table.clear();
  w->counters[kHits] = w->counters[kMisses] = 0;
  return vm.None;
}

Value lru_cache_parameters(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* w = self_native(vm, args, data, "cache_parameters");
  args_none(vm, "cache_parameters", args.subspan(1), kwargs);
  DictObject* d = vm.new_dict();
  int64_t maxsize = w->counters[kMaxsize];
  dict_set_str(vm, d, "maxsize", maxsize < 0 ? vm.None : vm.new_int(maxsize));
  dict_set_str(vm, d, "typed", vm.new_bool(w->counters[kTyped] != 0));
  return d;
}

// A cached function stored in a class binds like a function: obj.method(...) passes obj.
Value bind_as_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "__get__", kwargs);
  args_between(vm, "__get__", args, 2, 3);
  if (args[1] == vm.None) return args[0];
  return vm.heap.make<BoundMethodObject>(vm.t.method, args[0], args[1]);
}

// ---------------------------------------------------------------- cmp_to_key
// A KeyWrapper NativeObject: slots [cmp, obj]; obj null for the callable cmp_to_key returns.

Value key_wrapper_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "__call__");
  static const Signature sig("K", "obj");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  auto* k = vm.heap.make<NativeObject>(self->type);
  k->slots = {self->slots[0], a[0]};
  return k;
}

template <CompareOpArg Op>
Value key_wrapper_compare(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "comparison");
  Value other = arg_exactly_one(vm, "comparison", args.subspan(1), kwargs);
  if (!has_kind(other, ObjKind::Native) || vm.type_of(other) != vm.type_of(self))
    vm.raise_type_error("other argument must be K instance");
  auto* o = as<NativeObject>(other);
  if (self->slots[1].is_null() || o->slots[1].is_null()) vm.raise(vm.t.AttributeError, "object");
  std::vector<Value> pair{self->slots[1], o->slots[1]};
  Value r = vm.call(self->slots[0], pair);
  return vm.compare(r, vm.new_int(0), Op);
}

Value key_wrapper_obj(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "obj");
  if (self->slots[1].is_null()) vm.raise(vm.t.AttributeError, "obj");
  return self->slots[1];
}

Value functools_cmp_to_key(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  static const Signature sig("cmp_to_key", "mycmp");
  BoundArgs a = sig.bind(vm, args, kwargs);
  auto* k = vm.heap.make<NativeObject>(as<TypeObject>(Functools{module_of(data)}.get(vm, "_KeyWrapper")));
  k->slots = {a[0], Value()};
  return k;
}

// ---------------------------------------------------------------- total_ordering

// The derived comparison of total_ordering; data is a tuple (root name, derived op code).
// Each is CPython's _gt_from_lt & co.: combine the root's result with == where needed.
Value total_ordering_op(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* spec = static_cast<TupleObject*>(data);
  const std::string& root = str_text(spec->items[0]);
  const std::string& op = str_text(spec->items[1]);
  static const Signature sig("comparison", "self, other");
  BoundArgs a = sig.bind(vm, args, kwargs);
  Value self = a[0], other = a[1];
  Value r = vm.call_dunder_or_null(self, root, {&other, 1});
  if (r.is_null() || r == vm.NotImplemented) return vm.NotImplemented;
  bool result = vm.truthy(r);
  auto eq = [&] { return vm.equals(self, other); };
  bool out;
  if (root == "__lt__") {
    out = op == "__gt__" ? (!result && !eq()) : op == "__le__" ? (result || eq()) : !result;  // __ge__
  } else if (root == "__le__") {
    out = op == "__ge__" ? (!result || eq()) : op == "__lt__" ? (result && !eq()) : !result;  // __gt__
  } else if (root == "__gt__") {
    out = op == "__lt__" ? (!result && !eq()) : op == "__ge__" ? (result || eq()) : !result;  // __le__
  } else {  // __ge__
    out = op == "__le__" ? (!result || eq()) : op == "__gt__" ? (result && !eq()) : !result;  // __lt__
  }
  return vm.new_bool(out);
}

Value functools_total_ordering(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value cls_v = arg_exactly_one(vm, "total_ordering", args, kwargs);
  if (!has_kind(cls_v, ObjKind::Type)) vm.raise_type_error("total_ordering() argument must be a class");
  auto* cls = as<TypeObject>(cls_v);
  const char* ops[4] = {"__lt__", "__le__", "__gt__", "__ge__"};
  std::vector<std::string> roots;
  for (const char* op : ops) {
    Value mine = cls->lookup(vm.intern(op));
    if (!mine.is_null() && mine != vm.t.object->lookup(vm.intern(op))) roots.push_back(op);
  }
  if (roots.empty()) vm.raise(vm.t.ValueError, "must define at least one ordering operation: < > <= >=");
  std::string root = *std::max_element(roots.begin(), roots.end());  // as CPython: max(roots)
  for (const char* op : ops) {
    if (op == root || std::find(roots.begin(), roots.end(), op) != roots.end()) continue;
    TupleObject* spec = vm.new_tuple({vm.intern(root), vm.intern(op)});
    BuiltinFunction* fn = vm.new_builtin(op, total_ordering_op, spec);
    fn->qualname = cls->qualname + "." + op;
    fn->is_method = true;
    vm.set_attr(cls, vm.intern(op), fn);
  }
  return cls;
}

// ---------------------------------------------------------------- cached_property
// NativeObject slots: [func, attrname (str or None)].

Value cached_property_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));
  static const Signature sig("cached_property", "func");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  auto* p = vm.heap.make<NativeObject>(cls);
  p->slots = {a[0], vm.None};
  p->attrs = vm.new_dict();
  Value doc = vm.get_attr_or_null(a[0], vm.intern("__doc__"));
  dict_set_str(vm, p->attrs, "__doc__", doc.is_null() ? vm.None : doc);
  return p;
}

Value cached_property_set_name(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "__set_name__");
  static const Signature sig("__set_name__", "owner, name, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (self->slots[1] == vm.None) {
    self->slots[1] = a[1];
  } else if (!vm.equals(self->slots[1], a[1])) {
    vm.raise_type_error("Cannot assign the same cached_property to two different names (" +
                        vm.repr(self->slots[1])->text + " and " + vm.repr(a[1])->text + ").");
  }
  return vm.None;
}

Value cached_property_get(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_native(vm, args, data, "__get__");
  static const Signature sig("__get__", "instance, owner=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  Value instance = a[0];
  if (instance == vm.None) return self;
  Value name = self->slots[1];
  if (name == vm.None) {
    // Without __set_name__ (a class statement calls it), fall back to the function's name.
    name = vm.get_attr_or_null(self->slots[0], vm.intern("__name__"));
    if (name.is_null() || !VM::is_str(name))
      vm.raise_type_error("Cannot use cached_property instance without calling __set_name__ on it.");
  }
  DictObject* d = instance.is_object() ? instance.as_object()->attrs : nullptr;
  if (!d) {
    vm.raise_type_error("No '__dict__' attribute on '" + vm.type_name(instance) + "' instance to cache " +
                        vm.repr(name)->text + " property.");
  }
  Value cached = dict_get(vm, d, name);
  if (!cached.is_null()) return cached;
  Value v = vm.call(self->slots[0], {&instance, 1});
  dict_set(vm, d, name, v);
  return v;
}

// ---------------------------------------------------------------- installation

void def_module_function(VM& vm, ModuleObject* m, const char* name, NativeFn fn) {
  vm.def_function(m->attrs, name, fn)->data = m;
}

}  // namespace

void install_module_functools(VM& vm) {
  ModuleObject* m = vm.new_module("functools");
  vm.register_module(m);
  dict_set_str(vm, m->attrs, "WRAPPER_ASSIGNMENTS",
               vm.new_tuple({vm.intern("__module__"), vm.intern("__name__"), vm.intern("__qualname__"),
                             vm.intern("__doc__"), vm.intern("__annotations__")}));
  dict_set_str(vm, m->attrs, "WRAPPER_UPDATES", vm.new_tuple({vm.intern("__dict__")}));

  TypeObject* partial = new_native_type(vm, m, "partial");
  vm.def_method(partial, "__new__", partial_new)->data = partial;
  vm.def_method(partial, "__call__", partial_call)->data = partial;
  vm.def_method(partial, "__repr__", partial_repr)->data = partial;
  auto getter = [&](TypeObject* type, const char* name, NativeFn fn) { def_native_getter(vm, type, name, fn, type); };
  getter(partial, "func", partial_func);
  getter(partial, "args", partial_args);
  getter(partial, "keywords", partial_keywords);

  TypeObject* lru = new_native_type(vm, m, "_lru_cache_wrapper");
  vm.def_method(lru, "__call__", lru_call)->data = lru;
  vm.def_method(lru, "cache_info", lru_cache_info)->data = lru;
  vm.def_method(lru, "cache_clear", lru_cache_clear)->data = lru;
  vm.def_method(lru, "cache_parameters", lru_cache_parameters)->data = lru;
  vm.def_method(lru, "__get__", bind_as_method);
  auto* mark = vm.heap.make<InstanceObject>(vm.t.object);
  dict_set_str(vm, m->attrs, "_kwd_mark", mark);
  dict_set_str(vm, m->attrs, "_CacheInfo",
               make_namedtuple_type(vm, "CacheInfo", {"hits", "misses", "maxsize", "currsize"}, {}, "functools"));

  TypeObject* key_wrapper = new_native_type(vm, m, "KeyWrapper");
  vm.def_method(key_wrapper, "__call__", key_wrapper_call)->data = key_wrapper;
  vm.def_method(key_wrapper, "__lt__", key_wrapper_compare<CompareOpArg::Lt>)->data = key_wrapper;
  vm.def_method(key_wrapper, "__le__", key_wrapper_compare<CompareOpArg::Le>)->data = key_wrapper;
  vm.def_method(key_wrapper, "__gt__", key_wrapper_compare<CompareOpArg::Gt>)->data = key_wrapper;
  vm.def_method(key_wrapper, "__ge__", key_wrapper_compare<CompareOpArg::Ge>)->data = key_wrapper;
  vm.def_method(key_wrapper, "__eq__", key_wrapper_compare<CompareOpArg::Eq>)->data = key_wrapper;
  vm.def_method(key_wrapper, "__ne__", key_wrapper_compare<CompareOpArg::Ne>)->data = key_wrapper;
  vm.def_attr(key_wrapper, "__hash__", vm.None);
  getter(key_wrapper, "obj", key_wrapper_obj);
  // KeyWrapper is not importable under that name in CPython; keep it out of dir(functools).
  dict_del(vm, m->attrs, vm.intern("KeyWrapper"));
  dict_set_str(vm, m->attrs, "_KeyWrapper", key_wrapper);

  TypeObject* partialmethod = new_native_type(vm, m, "partialmethod");
  vm.def_method(partialmethod, "__new__", partialmethod_new)->data = partialmethod;
  vm.def_method(partialmethod, "__get__", partialmethod_get)->data = vm.new_tuple({partialmethod, partial});
  vm.def_method(partialmethod, "__call__", partialmethod_call)->data = partialmethod;

  TypeObject* cached_property = new_native_type(vm, m, "cached_property");
  vm.def_method(cached_property, "__new__", cached_property_new)->data = cached_property;
  vm.def_method(cached_property, "__set_name__", cached_property_set_name)->data = cached_property;
  vm.def_method(cached_property, "__get__", cached_property_get)->data = cached_property;

  def_module_function(vm, m, "reduce", functools_reduce);
  def_module_function(vm, m, "update_wrapper", functools_update_wrapper);
  def_module_function(vm, m, "wraps", functools_wraps);
  def_module_function(vm, m, "lru_cache", functools_lru_cache);
  def_module_function(vm, m, "cache", functools_cache);
  def_module_function(vm, m, "cmp_to_key", functools_cmp_to_key);
  def_module_function(vm, m, "total_ordering", functools_total_ordering);
}

}  // namespace cv
