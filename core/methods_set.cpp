// The methods of set and frozenset: add/remove/discard/pop, the set algebra, the subset tests, and constructors.
//
// The algebra itself is ops.h's (CPython's algorithms, so results iterate in CPython's
// order); this file binds arguments and accepts any iterable where CPython does.
#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

// Methods shared by set and frozenset are defined on both; `data` is the class.
SetObject* self_set(VM& vm, PosArgs args, std::string_view method, Object* data) {
  return method_self_as<SetObject>(vm, args, static_cast<TypeObject*>(data), method);
}

SetObject* self_mutable_set(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<SetObject>(vm, args, vm.t.set, method);
}

bool is_frozen(const SetObject* s) { return s->kind == ObjKind::FrozenSet; }

// `other` as a set: sets and frozensets as they are, any other iterable collected.
SetObject* as_set(VM& vm, Value other) {
  if (has_kind(other, ObjKind::Set) || has_kind(other, ObjKind::FrozenSet)) return as<SetObject>(other);
  SetObject* s = vm.new_set();
  set_update(vm, s, other);
  return s;
}

// ---------------------------------------------------------------- constructors

Value set_new(VM& vm, PosArgs args, KwArgs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.set);
  return vm.heap.make<SetObject>(ObjKind::Set, cls);
}

Value set_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "__init__");
  kwargs_none(vm, "set", kwargs);
  args_between(vm, "set", args.subspan(1), 0, 1);
  self->table.clear();
  if (args.size() > 1) set_update(vm, self, args[1]);
  return vm.None;
}

Value frozenset_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.frozenset);
  kwargs_none(vm, "frozenset", kwargs);
  args_between(vm, "frozenset", args.subspan(1), 0, 1);
  if (cls == vm.t.frozenset && args.size() > 1 && vm.type_of(args[1]) == vm.t.frozenset) return args[1];
  auto* s = vm.heap.make<SetObject>(ObjKind::FrozenSet, cls);
  if (args.size() > 1) set_update(vm, s, args[1]);
  return s;
}

// ---------------------------------------------------------------- mutation

Value set_add_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "add");
  set_add(vm, self, arg_exactly_one(vm, "set.add", args.subspan(1), kwargs));
  return vm.None;
}

Value set_remove_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "remove");
  Value key = arg_exactly_one(vm, "set.remove", args.subspan(1), kwargs);
  if (!set_discard(vm, self, key)) raise_key_error(vm, key);
  return vm.None;
}

Value set_discard_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "discard");
  set_discard(vm, self, arg_exactly_one(vm, "set.discard", args.subspan(1), kwargs));
  return vm.None;
}

Value set_pop_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "pop");
  args_none(vm, "set.pop", args.subspan(1), kwargs);
  for (const auto& e : self->table.entries()) {
    if (e.key.is_null()) continue;
    Value key = e.key;
    self->table.erase(vm, key, e.hash);
    return key;
  }
  vm.raise(vm.new_exception(vm.t.KeyError, "pop from an empty set"));
}

Value set_clear_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "clear");
  args_none(vm, "set.clear", args.subspan(1), kwargs);
  self->table.clear();
  return vm.None;
}

Value set_update_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "update");
  kwargs_none(vm, "set.update", kwargs);
  for (Value other : args.subspan(1)) set_update(vm, self, other);
  return vm.None;
}

// x_update(*others): self becomes the result of the operation, in place.
template <SetObject* (*Op)(VM&, const SetObject*, const SetObject*, bool)>
Value set_inplace_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string& name = static_cast<StrObject*>(data)->text;
  SetObject* self = self_mutable_set(vm, args, name);
  kwargs_none(vm, "set." + name, kwargs);
  for (Value other : args.subspan(1)) {
    SetObject* result = Op(vm, self, as_set(vm, other), false);
    self->table = result->table;
  }
  return vm.None;
}

Value set_symmetric_difference_update(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SetObject* self = self_mutable_set(vm, args, "symmetric_difference_update");
  Value other = arg_exactly_one(vm, "set.symmetric_difference_update", args.subspan(1), kwargs);
  SetObject* result = set_symmetric_difference(vm, self, as_set(vm, other), false);
  self->table = result->table;
  return vm.None;
}

// ---------------------------------------------------------------- algebra (new sets)

Value set_copy_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "copy", data);
  args_none(vm, static_cast<TypeObject*>(data)->name + ".copy", args.subspan(1), kwargs);
  if (is_frozen(self) && vm.type_of(self) == vm.t.frozenset) return self;
  return set_copy(vm, self, is_frozen(self));
}

Value set_union_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "union", data);
  kwargs_none(vm, "union", kwargs);
  SetObject* result = set_copy(vm, self, is_frozen(self));
  for (Value other : args.subspan(1)) set_update(vm, result, other);
  return result;
}

template <SetObject* (*Op)(VM&, const SetObject*, const SetObject*, bool)>
Value set_algebra_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  const char* name = Op == set_intersection ? "intersection" : "difference";
  SetObject* self = self_set(vm, args, name, type);
  kwargs_none(vm, name, kwargs);
  SetObject* result = set_copy(vm, self, is_frozen(self));
  for (Value other : args.subspan(1)) result = Op(vm, result, as_set(vm, other), is_frozen(self));
  return result;
}

Value set_symmetric_difference_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "symmetric_difference", data);
  Value other = arg_exactly_one(vm, static_cast<TypeObject*>(data)->name + ".symmetric_difference", args.subspan(1),
                                kwargs);
  return set_symmetric_difference(vm, self, as_set(vm, other), is_frozen(self));
}

Value set_issubset_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "issubset", data);
  Value other = arg_exactly_one(vm, static_cast<TypeObject*>(data)->name + ".issubset", args.subspan(1), kwargs);
  return vm.new_bool(set_is_subset(vm, self, as_set(vm, other)));
}

Value set_issuperset_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "issuperset", data);
  Value other = arg_exactly_one(vm, static_cast<TypeObject*>(data)->name + ".issuperset", args.subspan(1), kwargs);
  return vm.new_bool(set_is_subset(vm, as_set(vm, other), self));
}

Value set_isdisjoint_method(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "isdisjoint", data);
  Value other = arg_exactly_one(vm, static_cast<TypeObject*>(data)->name + ".isdisjoint", args.subspan(1), kwargs);
  bool disjoint = true;
  for_each_item(vm, other, [&](Value v) {
    disjoint = !set_has(vm, self, v);
    return disjoint;
  });
  return vm.new_bool(disjoint);
}

// ---------------------------------------------------------------- dunders

Value set_len_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "__len__", data);
  args_none(vm, "__len__", args.subspan(1), kwargs);
  return vm.new_int(self->table.size());
}

Value set_contains_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "__contains__", data);
  Value key = arg_exactly_one(vm, "__contains__", args.subspan(1), kwargs);
  return vm.new_bool(set_has(vm, self, key));
}

Value set_iter_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "__iter__", data);
  args_none(vm, "__iter__", args.subspan(1), kwargs);
  return vm.get_iter(vm.new_list(set_keys(self)));
}

Value set_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  SetObject* self = self_set(vm, args, "__repr__", data);
  args_none(vm, "__repr__", args.subspan(1), kwargs);
  std::string name = vm.type_of(self)->name;
  std::vector<Value> keys = set_keys(self);
  if (keys.empty()) return vm.new_str(name + "()");
  std::string body = "{" + join_reprs(vm, keys) + "}";
  if (vm.type_of(self) == vm.t.set) return vm.new_str(body);
  return vm.new_str(name + "(" + body + ")");
}

}  // namespace

void install_set_methods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kSetOnly[] = {
      {"__new__", set_new},
      {"__init__", set_init},
      {"add", set_add_method},
      {"remove", set_remove_method},
      {"discard", set_discard_method},
      {"pop", set_pop_method},
      {"clear", set_clear_method},
      {"update", set_update_method},
      {"symmetric_difference_update", set_symmetric_difference_update},
  };
  for (const Entry& e : kSetOnly) vm.def_method(vm.t.set, e.name, e.fn);
  vm.def_method(vm.t.set, "intersection_update", set_inplace_method<set_intersection>)->data =
      vm.intern("intersection_update");
  vm.def_method(vm.t.set, "difference_update", set_inplace_method<set_difference>)->data =
      vm.intern("difference_update");
  vm.def_method(vm.t.frozenset, "__new__", frozenset_new);

  static constexpr Entry kShared[] = {
      {"copy", set_copy_method},
      {"union", set_union_method},
      {"intersection", set_algebra_method<set_intersection>},
      {"difference", set_algebra_method<set_difference>},
      {"symmetric_difference", set_symmetric_difference_method},
      {"issubset", set_issubset_method},
      {"issuperset", set_issuperset_method},
      {"isdisjoint", set_isdisjoint_method},
      {"__len__", set_len_dunder},
      {"__contains__", set_contains_dunder},
      {"__iter__", set_iter_dunder},
      {"__repr__", set_repr_dunder},
  };
  for (TypeObject* type : {vm.t.set, vm.t.frozenset})
    for (const Entry& e : kShared) vm.def_method(type, e.name, e.fn)->data = type;
}

}  // namespace cv
