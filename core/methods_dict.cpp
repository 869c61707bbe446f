// The methods of dict (get/setdefault/pop/popitem/update/fromkeys/...) and its keys/values/items views.
//
// The views are NativeObjects (slots[0] is the dict) of three small classes made here,
// dict_keys, dict_values and dict_items: live, iterable, sized, with `in`, CPython's
// repr, and set operations on keys and items views.
#include <algorithm>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

enum class ViewKind : int64_t { Keys = 0, Values = 1, Items = 2 };

DictObject* self_dict(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<DictObject>(vm, args, vm.t.dict, method);
}

// ---------------------------------------------------------------- iteration over entries

// A live walk over a dict's entries: `source` is the dict, `index` the next entry slot,
// `limit` the size when iteration started, `step` the ViewKind.
Value dict_entry_next(VM& vm, NativeIterator& self) {
  if (self.source.is_null()) return Value();
  auto* d = as<DictObject>(self.source);
  if (d->table.size() != self.limit) {
    self.source = Value();
    vm.raise(vm.t.RuntimeError, "dictionary changed size during iteration");
  }
  const auto& entries = d->table.entries();
  while (size_t(self.index) < entries.size()) {
    const auto& e = entries[size_t(self.index++)];
    if (e.key.is_null()) continue;
    switch (ViewKind(self.step)) {
      case ViewKind::Keys: return e.key;
      case ViewKind::Values: return e.value;
      case ViewKind::Items: return vm.new_tuple({e.key, e.value});
    }
  }
  self.source = Value();
  return Value();
}

// ---------------------------------------------------------------- views

NativeObject* self_view(VM& vm, PosArgs args, std::string_view method, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  return method_self_as<NativeObject>(vm, args, type, method);
}

DictObject* view_dict(NativeObject* view) { return as<DictObject>(view->slots[0]); }
ViewKind view_kind(NativeObject* view) { return ViewKind(view->counters[0]); }

NativeObject* new_view(VM& vm, TypeObject* type, DictObject* d, ViewKind kind) {
  auto* v = vm.heap.make<NativeObject>(type);
  v->slots.push_back(d);
  v->counters[0] = int64_t(kind);
  return v;
}

// data: the iterator class (dict_keyiterator, ...).
Value view_iter(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  if (args.empty() || !has_kind(args[0], ObjKind::Native)) vm.raise_type_error("descriptor '__iter__' needs a view");
  auto* self = as<NativeObject>(args[0]);
  args_none(vm, "__iter__", args.subspan(1), kwargs);
  auto* iterator_type = static_cast<TypeObject*>(data);
  NativeIterator* it = new_native_iterator(vm, iterator_type, dict_entry_next);
  it->source = view_dict(self);
  it->limit = view_dict(self)->table.size();
  it->step = int64_t(view_kind(self));
  return it;
}

std::vector<Value> view_values(VM& vm, NativeObject* view) {
  std::vector<Value> out;
  for (auto& [k, v] : dict_items(view_dict(view))) {
    switch (view_kind(view)) {
      case ViewKind::Keys: out.push_back(k); break;
      case ViewKind::Values: out.push_back(v); break;
      case ViewKind::Items: out.push_back(vm.new_tuple({k, v})); break;
    }
  }
  return out;
}

Value view_len(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_view(vm, args, "__len__", data);
  args_none(vm, "__len__", args.subspan(1), kwargs);
  return vm.new_int(view_dict(self)->table.size());
}

Value view_contains(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_view(vm, args, "__contains__", data);
  Value x = arg_exactly_one(vm, "__contains__", args.subspan(1), kwargs);
  DictObject* d = view_dict(self);
  switch (view_kind(self)) {
    case ViewKind::Keys:
      return vm.new_bool(!dict_get(vm, d, x).is_null());
    case ViewKind::Values:
      for (auto& [k, v] : dict_items(d))
        if (v == x || vm.equals(v, x)) return vm.True;
      return vm.False;
    case ViewKind::Items: {
      if (!has_kind(x, ObjKind::Tuple) || as<TupleObject>(x)->items.size() != 2) return vm.False;
      auto& pair = as<TupleObject>(x)->items;
      Value v = dict_get(vm, d, pair[0]);
      return vm.new_bool(!v.is_null() && (v == pair[1] || vm.equals(v, pair[1])));
    }
  }
  return vm.False;
}

Value view_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_view(vm, args, "__repr__", data);
  args_none(vm, "__repr__", args.subspan(1), kwargs);
  std::vector<Value> items = view_values(vm, self);
  return vm.new_str(self->type->name + "([" + join_reprs(vm, items) + "])");
}

Value view_reversed(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_view(vm, args, "__reversed__", data);
  args_none(vm, "__reversed__", args.subspan(1), kwargs);
  std::vector<Value> items = view_values(vm, self);
  std::reverse(items.begin(), items.end());
  return vm.get_iter(vm.new_list(std::move(items)));
}

// The set a keys or items view stands for in set operations.
SetObject* as_set(VM& vm, Value v) {
  if (has_kind(v, ObjKind::Set) || has_kind(v, ObjKind::FrozenSet)) return as<SetObject>(v);
  SetObject* s = vm.new_set();
  set_update(vm, s, v);
  return s;
}

// &, |, -, ^ with the view on either side; the result is a set.
template <char Op, bool Reflected>
Value view_set_op(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_view(vm, args, "set operation", data);
  Value other = arg_exactly_one(vm, "view", args.subspan(1), kwargs);
  if (!has_kind(other, ObjKind::Set) && !has_kind(other, ObjKind::FrozenSet) && !has_kind(other, ObjKind::Native)) {
    // Any iterable will do, as in CPython.
    try {
      vm.get_iter(other);
    } catch (PyRaise&) {
      return vm.NotImplemented;
    }
  }
  SetObject* a = vm.new_set();
  set_update(vm, a, self);
  SetObject* b = as_set(vm, other);
  if (Reflected) std::swap(a, b);
  switch (Op) {
    case '&': return set_intersection(vm, a, b, false);
    case '-': return set_difference(vm, a, b, false);
    case '^': return set_symmetric_difference(vm, a, b, false);
    default: {
      SetObject* r = set_copy(vm, a, false);
      set_update(vm, r, b);
      return r;
    }
  }
}

Value view_eq_impl(VM& vm, PosArgs args, KwArgs kwargs, Object* data, bool negate) {
  NativeObject* self = self_view(vm, args, "__eq__", data);
  Value other = arg_exactly_one(vm, "__eq__", args.subspan(1), kwargs);
  if (view_kind(self) == ViewKind::Values) return self == other.as_object() ? vm.new_bool(!negate) : vm.NotImplemented;
  bool other_is_view = has_kind(other, ObjKind::Native) && (vm.type_of(other)->name == "dict_keys" ||
                                                           vm.type_of(other)->name == "dict_items");
  if (!has_kind(other, ObjKind::Set) && !has_kind(other, ObjKind::FrozenSet) && !other_is_view)
    return vm.NotImplemented;
  SetObject* a = vm.new_set();
  set_update(vm, a, self);
  SetObject* b = as_set(vm, other);
  bool equal = a->table.size() == b->table.size() && set_is_subset(vm, a, b);
  return vm.new_bool(equal != negate);
}

Value view_eq(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return view_eq_impl(vm, args, kwargs, data, false); }
Value view_ne(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return view_eq_impl(vm, args, kwargs, data, true); }

Value view_isdisjoint(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_view(vm, args, "isdisjoint", data);
  Value other = arg_exactly_one(vm, "isdisjoint", args.subspan(1), kwargs);
  SetObject* a = vm.new_set();
  set_update(vm, a, self);
  bool disjoint = true;
  for_each_item(vm, other, [&](Value v) {
    disjoint = !set_has(vm, a, v);
    return disjoint;
  });
  return vm.new_bool(disjoint);
}

// ---------------------------------------------------------------- dict methods

Value dict_new(VM& vm, PosArgs args, KwArgs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.dict);
  return vm.heap.make<DictObject>(cls);
}

void update_with(VM& vm, DictObject* self, PosArgs args, KwArgs kwargs) {
  if (!args.empty()) dict_update(vm, self, args[0]);
  for (auto& kw : kwargs) dict_set(vm, self, kw.first, kw.second);
}

Value dict_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__init__");
  args_between(vm, "dict", args.subspan(1), 0, 1);
  update_with(vm, self, args.subspan(1), kwargs);
  return vm.None;
}

Value dict_update_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "update");
  args_between(vm, "update", args.subspan(1), 0, 1);
  update_with(vm, self, args.subspan(1), kwargs);
  return vm.None;
}

Value dict_get_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "get");
  static const Signature sig("get", "key, default=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  Value v = dict_get(vm, self, a[0]);
  return v.is_null() ? a.get(1, vm.None) : v;
}

Value dict_setdefault(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "setdefault");
  static const Signature sig("setdefault", "key, default=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  Value v = dict_get(vm, self, a[0]);
  if (!v.is_null()) return v;
  Value d = a.get(1, vm.None);
  dict_set(vm, self, a[0], d);
  return d;
}

Value dict_pop(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "pop");
  static const Signature sig("pop", "key, default=<unrepresentable>, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  uint64_t h = vm.hash(a[0]);
  int64_t i = self->table.find(vm, a[0], h);
  if (i < 0) {
    if (a.has(1)) return a[1];
    raise_key_error(vm, a[0]);
  }
  Value v = self->table.entries()[size_t(i)].value;
  self->table.erase(vm, a[0], h);
  return v;
}

Value dict_popitem(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "popitem");
  args_none(vm, "dict.popitem", args.subspan(1), kwargs);
  const auto& entries = self->table.entries();
  for (size_t i = entries.size(); i-- > 0;) {
    if (entries[i].key.is_null()) continue;
    Value k = entries[i].key, v = entries[i].value;
    self->table.erase(vm, k, entries[i].hash);
    return vm.new_tuple({k, v});
  }
  vm.raise(vm.new_exception(vm.t.KeyError, "popitem(): dictionary is empty"));
}

Value dict_view_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* view_type = static_cast<TypeObject*>(data);
  ViewKind kind = view_type->name == "dict_keys" ? ViewKind::Keys
                  : view_type->name == "dict_values" ? ViewKind::Values
                                                     : ViewKind::Items;
  const char* name = kind == ViewKind::Keys ? "keys" : kind == ViewKind::Values ? "values" : "items";
  DictObject* self = self_dict(vm, args, name);
  args_none(vm, std::string("dict.") + name, args.subspan(1), kwargs);
  return new_view(vm, view_type, self, kind);
}

Value dict_clear(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "clear");
  args_none(vm, "dict.clear", args.subspan(1), kwargs);
  self->table.clear();
  return vm.None;
}

Value dict_copy(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "copy");
  args_none(vm, "dict.copy", args.subspan(1), kwargs);
  DictObject* out = vm.new_dict();
  out->table = self->table;
  return out;
}

Value dict_fromkeys(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.dict);
  static const Signature sig("fromkeys", "iterable, value=None, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  Value value = a.get(1, vm.None);
  Value out = cls == vm.t.dict ? Value(vm.new_dict()) : vm.call(cls, {});
  for_each_item(vm, a[0], [&](Value k) {
    if (has_kind(out, ObjKind::Dict) && vm.type_of(out) == vm.t.dict)
      dict_set(vm, as<DictObject>(out), k, value);
    else
      vm.set_item(out, k, value);
    return true;
  });
  return out;
}

// dict.__getitem__ with __missing__ for subclasses (defaultdict, Counter, user classes).
Value dict_getitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__getitem__");
  Value key = arg_exactly_one(vm, "dict.__getitem__", args.subspan(1), kwargs);
  Value v = dict_get(vm, self, key);
  if (!v.is_null()) return v;
  if (self->type != vm.t.dict) {
    Value missing = vm.call_dunder_or_null(self, "__missing__", {&key, 1});
    if (!missing.is_null()) return missing;
  }
  raise_key_error(vm, key);
}

Value dict_setitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__setitem__");
  static const Signature sig("__setitem__", "key, value, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  dict_set(vm, self, a[0], a[1]);
  return vm.None;
}

Value dict_delitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__delitem__");
  Value key = arg_exactly_one(vm, "dict.__delitem__", args.subspan(1), kwargs);
  if (!dict_del(vm, self, key)) raise_key_error(vm, key);
  return vm.None;
}

Value dict_contains_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__contains__");
  Value key = arg_exactly_one(vm, "dict.__contains__", args.subspan(1), kwargs);
  return vm.new_bool(!dict_get(vm, self, key).is_null());
}

Value dict_len_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__len__");
  args_none(vm, "dict.__len__", args.subspan(1), kwargs);
  return vm.new_int(self->table.size());
}

Value dict_iter_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  DictObject* self = self_dict(vm, args, "__iter__");
  args_none(vm, "dict.__iter__", args.subspan(1), kwargs);
  NativeIterator* it = new_native_iterator(vm, static_cast<TypeObject*>(data), dict_entry_next);
  it->source = self;
  it->limit = self->table.size();
  it->step = int64_t(ViewKind::Keys);
  return it;
}

Value dict_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  DictObject* self = self_dict(vm, args, "__repr__");
  args_none(vm, "dict.__repr__", args.subspan(1), kwargs);
  return vm.new_str(dict_repr_text(vm, self));
}

}  // namespace

void install_dict_methods(VM& vm) {
  TypeObject* dict = vm.t.dict;
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kMethods[] = {
      {"__new__", dict_new},           {"__init__", dict_init},
      {"get", dict_get_method},        {"setdefault", dict_setdefault},
      {"pop", dict_pop},               {"popitem", dict_popitem},
      {"update", dict_update_method},  {"clear", dict_clear},
      {"copy", dict_copy},             {"__getitem__", dict_getitem_dunder},
      {"__setitem__", dict_setitem_dunder}, {"__delitem__", dict_delitem_dunder},
      {"__contains__", dict_contains_dunder}, {"__len__", dict_len_dunder},
      {"__repr__", dict_repr_dunder},
  };
  for (const Entry& e : kMethods) vm.def_method(dict, e.name, e.fn);

  TypeObject* key_iterator = new_iterator_type(vm, "dict_keyiterator");
  vm.def_method(dict, "__iter__", dict_iter_dunder)->data = key_iterator;

  const char* view_names[3] = {"dict_keys", "dict_values", "dict_items"};
  const char* iterator_names[3] = {"dict_keyiterator", "dict_valueiterator", "dict_itemiterator"};
  const char* method_names[3] = {"keys", "values", "items"};
  for (int k = 0; k < 3; ++k) {
    TypeObject* view = vm.new_type(view_names[k], {vm.t.object}, ObjKind::Native, true);
    TypeObject* iterator = k == 0 ? key_iterator : new_iterator_type(vm, iterator_names[k]);
    vm.def_method(view, "__iter__", view_iter)->data = iterator;
    vm.def_method(view, "__len__", view_len)->data = view;
    vm.def_method(view, "__contains__", view_contains)->data = view;
    vm.def_method(view, "__repr__", view_repr)->data = view;
    vm.def_method(view, "__reversed__", view_reversed)->data = view;
    vm.def_method(view, "__eq__", view_eq)->data = view;
    vm.def_method(view, "__ne__", view_ne)->data = view;
    if (k != 1) {
      vm.def_method(view, "__and__", view_set_op<'&', false>)->data = view;
      vm.def_method(view, "__or__", view_set_op<'|', false>)->data = view;
      vm.def_method(view, "__sub__", view_set_op<'-', false>)->data = view;
      vm.def_method(view, "__xor__", view_set_op<'^', false>)->data = view;
      vm.def_method(view, "__rand__", view_set_op<'&', true>)->data = view;
      vm.def_method(view, "__ror__", view_set_op<'|', true>)->data = view;
      vm.def_method(view, "__rsub__", view_set_op<'-', true>)->data = view;
      vm.def_method(view, "__rxor__", view_set_op<'^', true>)->data = view;
      vm.def_method(view, "isdisjoint", view_isdisjoint)->data = view;
    }
    vm.def_method(dict, method_names[k], dict_view_method)->data = view;
  }

  // dict.fromkeys is a classmethod.
  auto* fromkeys = vm.heap.make<DescriptorObject>(ObjKind::ClassMethod, vm.t.classmethod);
  BuiltinFunction* fn = vm.new_builtin("fromkeys", dict_fromkeys);
  fn->qualname = "dict.fromkeys";
  fromkeys->fget = fn;
  vm.def_attr(dict, "fromkeys", fromkeys);
}

}  // namespace cv
