// collections.defaultdict, Counter and OrderedDict: builtin subclasses of dict with CPython's behaviour.
//
// All three keep the DictObject layout, so every dict operation applies to them; what
// differs (missing keys, counting arithmetic, order-sensitive equality, reprs) follows
// CPython's collections/__init__.py and _collectionsmodule.c.
#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

TypeObject* self_type_of(Object* data) { return static_cast<TypeObject*>(data); }

// ================================================================ dict subclasses

DictObject* self_dict_of(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<DictObject>(vm, args, self_type_of(data), method);
}

// A new dict of the same class as `d` (defaultdict copies keep their factory).
DictObject* same_kind_copy(VM& vm, DictObject* d) {
  auto* out = vm.heap.make<DictObject>(d->type);
  out->table = d->table;
  out->default_factory = d->default_factory;
  return out;
}

Value dict_subclass_new(VM& vm, PosArgs args, KwArgs, Object* data) {
  TypeObject* cls = new_cls(vm, args, self_type_of(data));
  auto* d = vm.heap.make<DictObject>(cls);
  d->default_factory = vm.None;
  return d;
}

Value dict_subclass_copy(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "copy");
  args_none(vm, "copy", args.subspan(1), kwargs);
  return same_kind_copy(vm, self);
}

bool is_callable_value(VM& vm, Value v) {
  if (v.is_object()) {
    ObjKind k = v.as_object()->kind;
    if (k == ObjKind::Function || k == ObjKind::Builtin || k == ObjKind::BoundMethod || k == ObjKind::Type) return true;
  }
  return !vm.type_of(v)->lookup(vm.intern("__call__")).is_null();
}

// ---------------------------------------------------------------- defaultdict

Value defaultdict_init(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__init__");
  PosArgs rest = args.subspan(1);
  Value factory = vm.None;
  if (!rest.empty()) {
    factory = rest[0];
    rest = rest.subspan(1);
  }
  if (factory != vm.None && !is_callable_value(vm, factory))
    vm.raise_type_error("first argument must be callable or None");
  self->default_factory = factory;
  args_between(vm, "dict", rest, 0, 1);
  if (!rest.empty()) dict_update(vm, self, rest[0]);
  for (auto& kw : kwargs) dict_set(vm, self, kw.first, kw.second);
  return vm.None;
}

Value defaultdict_missing(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__missing__");
  Value key = arg_exactly_one(vm, "defaultdict.__missing__", args.subspan(1), kwargs);
  if (is_none(vm, self->default_factory)) raise_key_error(vm, key);
  Value v = vm.call(self->default_factory, {});
  vm.set_item(self, key, v);
  return v;
}

Value defaultdict_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__repr__");
  args_none(vm, "defaultdict.__repr__", args.subspan(1), kwargs);
  std::string factory = is_none(vm, self->default_factory) ? "None" : vm.repr(self->default_factory)->text;
  return vm.new_str(vm.type_of(self)->name + "(" + factory + ", " + dict_repr_text(vm, self) + ")");
}

Value defaultdict_factory_get(VM& vm, PosArgs args, KwArgs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "default_factory");
  return self->default_factory.is_null() ? vm.None : self->default_factory;
}

Value defaultdict_factory_set(VM& vm, PosArgs args, KwArgs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "default_factory");
  self->default_factory = args.size() > 1 ? args[1] : vm.None;
  return vm.None;
}

// ---------------------------------------------------------------- Counter

// self[key] as Counter sees it: missing keys count 0.
Value counter_get(VM& vm, DictObject* c, Value key) {
  Value v = dict_get(vm, c, key);
  return v.is_null() ? vm.new_int(0) : v;
}

void counter_update_impl(VM& vm, DictObject* self, PosArgs rest, KwArgs kwargs, bool subtract) {
  BinaryOpArg op = subtract ? BinaryOpArg::Sub : BinaryOpArg::Add;
  if (!rest.empty() && !is_none(vm, rest[0])) {
    Value source = rest[0];
    if (has_kind(source, ObjKind::Dict)) {
      if (self->table.size() == 0 && !subtract) {
        dict_update(vm, self, source);
      } else {
        for (auto& [k, v] : dict_items(as<DictObject>(source)))
          dict_set(vm, self, k, vm.binary_op(counter_get(vm, self, k), v, op));
      }
    } else {
      Value one = vm.new_int(1);
      for_each_item(vm, source, [&](Value elem) {
        dict_set(vm, self, elem, vm.binary_op(counter_get(vm, self, elem), one, op));
        return true;
      });
    }
  }
  for (auto& kw : kwargs) dict_set(vm, self, kw.first, vm.binary_op(counter_get(vm, self, kw.first), kw.second, op));
}

Value counter_init(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__init__");
  args_between(vm, "Counter", args.subspan(1), 0, 1);
  counter_update_impl(vm, self, args.subspan(1), kwargs, false);
  return vm.None;
}

Value counter_update(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "update");
  args_between(vm, "update", args.subspan(1), 0, 1);
  counter_update_impl(vm, self, args.subspan(1), kwargs, false);
  return vm.None;
}

Value counter_subtract(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "subtract");
  args_between(vm, "subtract", args.subspan(1), 0, 1);
  counter_update_impl(vm, self, args.subspan(1), kwargs, true);
  return vm.None;
}

Value counter_missing(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  self_dict_of(vm, args, data, "__missing__");
  arg_exactly_one(vm, "Counter.__missing__", args.subspan(1), kwargs);
  return vm.new_int(0);
}

Value second_item(VM& vm, PosArgs args, KwArgs, Object*) { return vm.get_item(args[0], vm.new_int(1)); }

// Items by count, largest first; equal counts keep insertion order (a stable sort).
std::vector<Value> counter_most_common(VM& vm, DictObject* self) {
  std::vector<Value> items;
  for (auto& [k, v] : dict_items(self)) items.push_back(vm.new_tuple({k, v}));
  sort_values(vm, items, vm.new_builtin("itemgetter(1)", second_item), true);
  return items;
}

Value counter_most_common_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "most_common");
  static const Signature sig("most_common", "n=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  std::vector<Value> items = counter_most_common(vm, self);
  if (!is_none(vm, a[0])) {
    int64_t n = arg_int64(vm, a[0]);
    if (n < 0) n = 0;
    if (size_t(n) < items.size()) items.resize(size_t(n));
  }
  return vm.new_list(std::move(items));
}

Value counter_elements(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "elements");
  args_none(vm, "elements", args.subspan(1), kwargs);
  std::vector<Value> out;
  for (auto& [k, v] : dict_items(self)) {
    int64_t n = arg_int64(vm, v);
    for (int64_t i = 0; i < n; ++i) out.push_back(k);
  }
  return vm.get_iter(vm.new_list(std::move(out)));
}

Value counter_total(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "total");
  args_none(vm, "total", args.subspan(1), kwargs);
  Value acc = vm.new_int(0);
  for (auto& [k, v] : dict_items(self)) acc = vm.binary_op(acc, v, BinaryOpArg::Add);
  return acc;
}

Value counter_fromkeys(VM& vm, PosArgs, KwArgs, Object*) {
  vm.raise(vm.t.NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

Value counter_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__repr__");
  args_none(vm, "Counter.__repr__", args.subspan(1), kwargs);
  std::string name = vm.type_of(self)->name;
  if (self->table.size() == 0) return vm.new_str(name + "()");
  DictObject* ordered = vm.new_dict();
  try {
    for (Value item : counter_most_common(vm, self)) {
      auto& pair = as<TupleObject>(item)->items;
      dict_set(vm, ordered, pair[0], pair[1]);
    }
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.TypeError)) throw;
    ordered->table = self->table;  // counts that cannot be ordered print in insertion order
  }
  return vm.new_str(name + "(" + dict_repr_text(vm, ordered) + ")");
}

Value counter_delitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__delitem__");
  Value key = arg_exactly_one(vm, "Counter.__delitem__", args.subspan(1), kwargs);
  dict_del(vm, self, key);
  return vm.None;
}

Value counter_copy(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return dict_subclass_copy(vm, args, kwargs, data); }

DictObject* new_counter(VM& vm, TypeObject* counter_type) {
  auto* d = vm.heap.make<DictObject>(counter_type);
  d->default_factory = vm.None;
  return d;
}

bool is_positive(VM& vm, Value v) { return vm.truthy(vm.compare(v, vm.new_int(0), CompareOpArg::Gt)); }

// Counter + - | & and unary + -, as collections.Counter: results keep positive counts only.
template <char Op>
Value counter_binary(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* counter_type = self_type_of(data);
  DictObject* self = self_dict_of(vm, args, data, "operator");
  Value other_v = arg_exactly_one(vm, "Counter.operator", args.subspan(1), kwargs);
  if (!vm.is_instance(other_v, counter_type)) return vm.NotImplemented;
  auto* other = as<DictObject>(other_v);
  DictObject* result = new_counter(vm, counter_type);
  for (auto& [elem, count] : dict_items(self)) {
    Value other_count = counter_get(vm, other, elem);
    Value v;
    switch (Op) {
      case '+': v = vm.binary_op(count, other_count, BinaryOpArg::Add); break;
      case '-': v = vm.binary_op(count, other_count, BinaryOpArg::Sub); break;
      case '|': v = vm.truthy(vm.compare(count, other_count, CompareOpArg::Lt)) ? other_count : count; break;
      case '&': v = vm.truthy(vm.compare(count, other_count, CompareOpArg::Lt)) ? count : other_count; break;
    }
    if (is_positive(vm, v)) dict_set(vm, result, elem, v);
  }
  for (auto& [elem, count] : dict_items(other)) {
    if (!dict_get(vm, self, elem).is_null()) continue;
    switch (Op) {
      case '+':
      case '|':
        if (is_positive(vm, count)) dict_set(vm, result, elem, count);
        break;
      case '-':
        if (vm.truthy(vm.compare(count, vm.new_int(0), CompareOpArg::Lt)))
          dict_set(vm, result, elem, vm.binary_op(vm.new_int(0), count, BinaryOpArg::Sub));
        break;
      default: break;
    }
  }
  return result;
}

template <bool Negate>
Value counter_unary(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, Negate ? "__neg__" : "__pos__");
  args_none(vm, "Counter.operator", args.subspan(1), kwargs);
  DictObject* result = new_counter(vm, self_type_of(data));
  for (auto& [elem, count] : dict_items(self)) {
    Value v = Negate ? vm.binary_op(vm.new_int(0), count, BinaryOpArg::Sub) : count;
    if (is_positive(vm, v)) dict_set(vm, result, elem, v);
  }
  return result;
}

// c += other and friends: the result of the operator, stored into self.
template <char Op>
Value counter_inplace(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "operator");
  Value r = counter_binary<Op>(vm, args, kwargs, data);
  if (r == vm.NotImplemented) return r;
  self->table = as<DictObject>(r)->table;
  return self;
}

// Counter equality treats missing elements as zero counts (3.10+).
Value counter_eq_impl(VM& vm, PosArgs args, KwArgs kwargs, Object* data, bool negate) {
  DictObject* self = self_dict_of(vm, args, data, "__eq__");
  Value other_v = arg_exactly_one(vm, "Counter.__eq__", args.subspan(1), kwargs);
  if (!vm.is_instance(other_v, self_type_of(data))) return vm.NotImplemented;
  auto* other = as<DictObject>(other_v);
  bool equal = true;
  for (DictObject* c : {self, other}) {
    for (auto& [elem, count] : dict_items(c)) {
      if (!vm.equals(counter_get(vm, self, elem), counter_get(vm, other, elem))) {
        equal = false;
        break;
      }
    }
    if (!equal) break;
  }
  return vm.new_bool(equal != negate);
}

Value counter_eq(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return counter_eq_impl(vm, args, kwargs, data, false); }
Value counter_ne(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return counter_eq_impl(vm, args, kwargs, data, true); }

// ---------------------------------------------------------------- OrderedDict

Value odict_init(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__init__");
  args_between(vm, "OrderedDict", args.subspan(1), 0, 1);
  if (args.size() > 1) dict_update(vm, self, args[1]);
  for (auto& kw : kwargs) dict_set(vm, self, kw.first, kw.second);
  return vm.None;
}

Value odict_move_to_end(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "move_to_end");
  static const Signature sig("move_to_end", "key, last=True");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  bool last = !a.has(1) || vm.truthy(a[1]);
  uint64_t h = vm.hash(a[0]);
  int64_t at = self->table.find(vm, a[0], h);
  if (at < 0) raise_key_error(vm, a[0]);
  Value key = self->table.entries()[size_t(at)].key;
  Value value = self->table.entries()[size_t(at)].value;
  if (last) {
    self->table.erase(vm, key, h);
    self->table.insert(vm, key, h, value);
    return vm.None;
  }
  std::vector<HashTable::Entry> rest;
  for (const auto& e : self->table.entries())
    if (!e.key.is_null() && e.key != key) rest.push_back(e);
  self->table.clear();
  self->table.insert(vm, key, h, value);
  for (const auto& e : rest) self->table.insert(vm, e.key, e.hash, e.value);
  return vm.None;
}

Value odict_popitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "popitem");
  static const Signature sig("popitem", "last=True");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  bool last = !a.has(0) || vm.truthy(a[0]);
  if (self->table.size() == 0) vm.raise(vm.new_exception(vm.t.KeyError, "dictionary is empty"));
  auto items = dict_items(self);
  auto [k, v] = last ? items.back() : items.front();
  dict_del(vm, self, k);
  return vm.new_tuple({k, v});
}

Value odict_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict_of(vm, args, data, "__repr__");
  args_none(vm, "OrderedDict.__repr__", args.subspan(1), kwargs);
  std::string name = vm.type_of(self)->name;
  if (self->table.size() == 0) return vm.new_str(name + "()");
  std::vector<Value> pairs;
  for (auto& [k, v] : dict_items(self)) pairs.push_back(vm.new_tuple({k, v}));
  return vm.new_str(name + "([" + join_reprs(vm, pairs) + "])");
}

// Order matters between two OrderedDicts; against a plain dict it is dict equality.
Value odict_eq_impl(VM& vm, PosArgs args, KwArgs kwargs, Object* data, bool negate) {
  DictObject* self = self_dict_of(vm, args, data, "__eq__");
  Value other = arg_exactly_one(vm, "OrderedDict.__eq__", args.subspan(1), kwargs);
  if (!has_kind(other, ObjKind::Dict)) return vm.NotImplemented;
  DictObject* plain_self = vm.new_dict();
  plain_self->table = self->table;
  DictObject* plain_other = vm.new_dict();
  plain_other->table = as<DictObject>(other)->table;
  bool equal = vm.equals(plain_self, plain_other);
  if (equal && vm.is_instance(other, self_type_of(data))) {
    auto a = dict_items(self), b = dict_items(as<DictObject>(other));
    for (size_t i = 0; i < a.size() && equal; ++i) equal = a[i].first == b[i].first || vm.equals(a[i].first, b[i].first);
  }
  return vm.new_bool(equal != negate);
}

Value odict_eq(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return odict_eq_impl(vm, args, kwargs, data, false); }
Value odict_ne(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return odict_eq_impl(vm, args, kwargs, data, true); }

}  // namespace

void install_collections_dict_types(VM& vm, ModuleObject* m) {
  TypeObject* defaultdict =
      def_library_class(vm, m, "defaultdict", vm.t.dict, ObjKind::Dict,
                        {{"__new__", dict_subclass_new},
                         {"__init__", defaultdict_init},
                         {"__missing__", defaultdict_missing},
                         {"__repr__", defaultdict_repr},
                         {"copy", dict_subclass_copy},
                         {"__copy__", dict_subclass_copy}});
  auto* factory = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
  factory->fget = vm.new_builtin("default_factory", defaultdict_factory_get, defaultdict);
  factory->fset = vm.new_builtin("default_factory", defaultdict_factory_set, defaultdict);
  factory->fdel = factory->doc = vm.None;
  vm.def_attr(defaultdict, "default_factory", factory);

  TypeObject* counter = def_library_class(vm, m, "Counter", vm.t.dict, ObjKind::Dict,
                                          {{"__new__", dict_subclass_new},
                                           {"__init__", counter_init},
                                           {"__missing__", counter_missing},
                                           {"update", counter_update},
                                           {"subtract", counter_subtract},
                                           {"most_common", counter_most_common_method},
                                           {"elements", counter_elements},
                                           {"total", counter_total},
                                           {"copy", counter_copy},
                                           {"__repr__", counter_repr},
                                           {"__delitem__", counter_delitem},
                                           {"__add__", counter_binary<'+'>},
                                           {"__sub__", counter_binary<'-'>},
                                           {"__or__", counter_binary<'|'>},
                                           {"__and__", counter_binary<'&'>},
                                           {"__iadd__", counter_inplace<'+'>},
                                           {"__isub__", counter_inplace<'-'>},
                                           {"__ior__", counter_inplace<'|'>},
                                           {"__iand__", counter_inplace<'&'>},
                                           {"__pos__", counter_unary<false>},
                                           {"__neg__", counter_unary<true>},
                                           {"__eq__", counter_eq},
                                           {"__ne__", counter_ne}});
  auto* fromkeys = vm.heap.make<DescriptorObject>(ObjKind::ClassMethod, vm.t.classmethod);
  fromkeys->fget = vm.new_builtin("fromkeys", counter_fromkeys);
  fromkeys->fset = fromkeys->fdel = fromkeys->doc = vm.None;
  vm.def_attr(counter, "fromkeys", fromkeys);

  def_library_class(vm, m, "OrderedDict", vm.t.dict, ObjKind::Dict,
                    {{"__new__", dict_subclass_new},
                     {"__init__", odict_init},
                     {"move_to_end", odict_move_to_end},
                     {"popitem", odict_popitem},
                     {"copy", dict_subclass_copy},
                     {"__repr__", odict_repr},
                     {"__eq__", odict_eq},
                     {"__ne__", odict_ne}});
}

}  // namespace cv
