// collections.ChainMap: lookups through a list of mappings, writes to the first, as CPython's Python class.
#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

TypeObject* self_type_of(Object* data) { return static_cast<TypeObject*>(data); }

// ================================================================ ChainMap
// NativeObject: slots[0] is the `maps` list; lookups search the maps in order, writes go
// to the first one, as collections.ChainMap.

NativeObject* self_chainmap(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<NativeObject>(vm, args, self_type_of(data), method);
}

const std::vector<Value>& chainmap_maps(VM& vm, NativeObject* cm) {
  if (!has_kind(cm->slots[0], ObjKind::List)) vm.raise_type_error("ChainMap.maps must be a list");
  return as<ListObject>(cm->slots[0])->items.vec();
}

Value chainmap_new(VM& vm, PosArgs args, KwArgs, Object* data) {
  TypeObject* cls = new_cls(vm, args, self_type_of(data));
  auto* cm = vm.heap.make<NativeObject>(cls);
  cm->slots = {vm.new_list({vm.new_dict()})};
  if (!cls->is_builtin) cm->attrs = vm.new_dict();
  return cm;
}

Value chainmap_init(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__init__");
  kwargs_none(vm, "ChainMap", kwargs);
  std::vector<Value> maps(args.begin() + 1, args.end());
  if (maps.empty()) maps.push_back(vm.new_dict());
  self->slots[0] = vm.new_list(std::move(maps));
  return vm.None;
}

// self[key] or null; KeyError from one map only means "look further".
Value chainmap_lookup(VM& vm, NativeObject* self, Value key) {
  for (Value m : std::vector<Value>(chainmap_maps(vm, self))) {
    try {
      return with_py_errors(vm, [&] { return vm.get_item(m, key); });
    } catch (PyRaise& e) {
      if (!exception_is(vm, e, vm.t.KeyError)) throw;
    }
  }
  return Value();
}

Value chainmap_getitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__getitem__");
  Value key = arg_exactly_one(vm, "ChainMap.__getitem__", args.subspan(1), kwargs);
  Value v = chainmap_lookup(vm, self, key);
  if (!v.is_null()) return v;
  Value missing = vm.call_dunder_or_null(self, "__missing__", {&key, 1});
  if (!missing.is_null()) return missing;
  raise_key_error(vm, key);
}

bool chainmap_has(VM& vm, NativeObject* self, Value key) {
  for (Value m : std::vector<Value>(chainmap_maps(vm, self)))
    if (vm.contains(m, key)) return true;
  return false;
}

Value chainmap_get(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "get");
  static const Signature sig("get", "key, default=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (!chainmap_has(vm, self, a[0])) return a.get(1, vm.None);
  return vm.get_item(self, a[0]);
}

Value chainmap_contains(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__contains__");
  return vm.new_bool(chainmap_has(vm, self, arg_exactly_one(vm, "ChainMap.__contains__", args.subspan(1), kwargs)));
}

// The keys in ChainMap iteration order: the last map's first, as dict.fromkeys updates.
DictObject* chainmap_key_dict(VM& vm, NativeObject* self) {
  DictObject* d = vm.new_dict();
  std::vector<Value> maps = chainmap_maps(vm, self);
  for (auto m = maps.rbegin(); m != maps.rend(); ++m) {
    for_each_item(vm, *m, [&](Value k) {
      dict_set(vm, d, k, vm.None);
      return true;
    });
  }
  return d;
}

Value chainmap_len(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__len__");
  args_none(vm, "ChainMap.__len__", args.subspan(1), kwargs);
  return vm.new_int(chainmap_key_dict(vm, self)->table.size());
}

Value chainmap_iter(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__iter__");
  args_none(vm, "ChainMap.__iter__", args.subspan(1), kwargs);
  return vm.get_iter(chainmap_key_dict(vm, self));
}

// keys()/values()/items(): views of a snapshot dict with the ChainMap's current contents.
template <int Which>
Value chainmap_view(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const char* name = Which == 0 ? "keys" : Which == 1 ? "values" : "items";
  NativeObject* self = self_chainmap(vm, args, data, name);
  args_none(vm, std::string("ChainMap.") + name, args.subspan(1), kwargs);
  DictObject* d = chainmap_key_dict(vm, self);
  for (auto& [k, v] : dict_items(d)) dict_set(vm, d, k, vm.get_item(self, k));
  return vm.call_method(d, vm.intern(name), {});
}

Value chainmap_setitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__setitem__");
  static const Signature sig("__setitem__", "key, value, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  vm.set_item(chainmap_maps(vm, self).at(0), a[0], a[1]);
  return vm.None;
}

[[noreturn]] void not_in_first_mapping(VM& vm, Value key) {
  vm.raise(vm.new_exception(vm.t.KeyError, "Key not found in the first mapping: " + vm.repr(key)->text));
}

Value chainmap_delitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__delitem__");
  Value key = arg_exactly_one(vm, "ChainMap.__delitem__", args.subspan(1), kwargs);
  try {
    with_py_errors(vm, [&] {
      vm.del_item(chainmap_maps(vm, self).at(0), key);
      return 0;
    });
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.KeyError)) throw;
    not_in_first_mapping(vm, key);
  }
  return vm.None;
}

Value chainmap_pop(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "pop");
  kwargs_none(vm, "pop", kwargs);
  args_between(vm, "pop", args.subspan(1), 1, 2);
  try {
    return vm.call_method(chainmap_maps(vm, self).at(0), vm.intern("pop"), args.subspan(1));
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.KeyError)) throw;
    not_in_first_mapping(vm, args[1]);
  }
}

Value chainmap_popitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "popitem");
  args_none(vm, "ChainMap.popitem", args.subspan(1), kwargs);
  try {
    return vm.call_method(chainmap_maps(vm, self).at(0), vm.intern("popitem"), {});
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.KeyError)) throw;
    vm.raise(vm.new_exception(vm.t.KeyError, "No keys found in the first mapping."));
  }
}

Value chainmap_clear(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "clear");
  args_none(vm, "ChainMap.clear", args.subspan(1), kwargs);
  vm.call_method(chainmap_maps(vm, self).at(0), vm.intern("clear"), {});
  return vm.None;
}

Value chainmap_update(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "update");
  args_between(vm, "update", args.subspan(1), 0, 1);
  if (args.size() > 1) {
    DictObject* d = vm.new_dict();
    dict_update(vm, d, args[1]);
    for (auto& [k, v] : dict_items(d)) vm.set_item(self, k, v);
  }
  for (auto& kw : kwargs) vm.set_item(self, kw.first, kw.second);
  return vm.None;
}

Value chainmap_new_child(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "new_child");
  args_between(vm, "new_child", args.subspan(1), 0, 1);
  Value m = args.size() > 1 ? args[1] : vm.None;
  if (m == vm.None) {
    DictObject* d = vm.new_dict();
    for (auto& kw : kwargs) dict_set(vm, d, kw.first, kw.second);
    m = d;
  } else if (!kwargs.empty()) {
    vm.call_method(m, vm.intern("update"), {}, kwargs);
  }
  std::vector<Value> maps{m};
  for (Value v : chainmap_maps(vm, self)) maps.push_back(v);
  return vm.call(vm.type_of(self), maps);
}

Value chainmap_parents(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "parents");
  std::vector<Value> maps = chainmap_maps(vm, self);
  std::vector<Value> rest(maps.begin() + (maps.empty() ? 0 : 1), maps.end());
  return vm.call(vm.type_of(self), rest);
}

Value chainmap_copy(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "copy");
  args_none(vm, "ChainMap.copy", args.subspan(1), kwargs);
  std::vector<Value> maps = chainmap_maps(vm, self);
  if (!maps.empty()) maps[0] = vm.call_method(maps[0], vm.intern("copy"), {});
  return vm.call(vm.type_of(self), maps);
}

Value chainmap_maps_get(VM& vm, PosArgs args, KwArgs, Object* data) {
  return self_chainmap(vm, args, data, "maps")->slots[0];
}

Value chainmap_maps_set(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "maps");
  if (args.size() < 2) vm.raise_type_error("can't delete attribute");
  self->slots[0] = args[1];
  return vm.None;
}

Value chainmap_bool(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__bool__");
  args_none(vm, "ChainMap.__bool__", args.subspan(1), kwargs);
  for (Value m : std::vector<Value>(chainmap_maps(vm, self)))
    if (vm.truthy(m)) return vm.True;
  return vm.False;
}

Value chainmap_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_chainmap(vm, args, data, "__repr__");
  args_none(vm, "ChainMap.__repr__", args.subspan(1), kwargs);
  return vm.new_str(vm.type_of(self)->name + "(" + join_reprs(vm, chainmap_maps(vm, self)) + ")");
}

}  // namespace

void install_collections_chainmap(VM& vm, ModuleObject* m) {
  TypeObject* chainmap = def_library_class(vm, m, "ChainMap", vm.t.object, ObjKind::Native,
                                           {{"__new__", chainmap_new},
                                            {"__init__", chainmap_init},
                                            {"__getitem__", chainmap_getitem},
                                            {"get", chainmap_get},
                                            {"__contains__", chainmap_contains},
                                            {"__len__", chainmap_len},
                                            {"__iter__", chainmap_iter},
                                            {"keys", chainmap_view<0>},
                                            {"values", chainmap_view<1>},
                                            {"items", chainmap_view<2>},
                                            {"__setitem__", chainmap_setitem},
                                            {"__delitem__", chainmap_delitem},
                                            {"pop", chainmap_pop},
                                            {"popitem", chainmap_popitem},
                                            {"clear", chainmap_clear},
                                            {"update", chainmap_update},
                                            {"new_child", chainmap_new_child},
                                            {"copy", chainmap_copy},
                                            {"__copy__", chainmap_copy},
                                            {"__bool__", chainmap_bool},
                                            {"__repr__", chainmap_repr}});
  auto* maps = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
  maps->fget = vm.new_builtin("maps", chainmap_maps_get, chainmap);
  maps->fset = vm.new_builtin("maps", chainmap_maps_set, chainmap);
  maps->fdel = maps->doc = vm.None;
  vm.def_attr(chainmap, "maps", maps);
  def_native_getter(vm, chainmap, "parents", chainmap_parents, chainmap);
  vm.def_attr(chainmap, "__hash__", vm.None);
}

}  // namespace cv
