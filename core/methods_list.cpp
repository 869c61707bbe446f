// The methods of list and tuple: append/extend/insert/remove/pop/index/count/sort/..., and their constructors.
#include <algorithm>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

ListObject* self_list(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<ListObject>(vm, args, vm.t.list, method);
}

TupleObject* self_tuple(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<TupleObject>(vm, args, vm.t.tuple, method);
}

// PyObject_RichCompareBool(a, b, Py_EQ): identity implies equality.
bool same_or_equal(VM& vm, Value a, Value b) { return a == b || vm.equals(a, b); }

// The start/stop of index(): clamped like slice bounds; None is not accepted.
int64_t index_bound(VM& vm, Value v, int64_t length) {
  BigInt n;
  if (VM::is_int(v)) {
    n = vm.to_bigint(v);
  } else {
    Value r = vm.call_dunder_or_null(v, "__index__", {});
    if (r.is_null() || !VM::is_int(r))
      vm.raise_type_error("slice indices must be integers or have an __index__ method");
    n = vm.to_bigint(r);
  }
  if (n < 0) {
    n += length;
    if (n < 0) n = 0;
  }
  if (n > length) n = length;
  return static_cast<int64_t>(n);
}

// index(value, start=0, stop=sys.maxsize) for lists and tuples; -1 when absent.
int64_t find_index(VM& vm, const std::vector<Value>& items, PosArgs args, const char* name) {
  Signature sig(name, "value, start=0, stop=sys.maxsize, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args, {});
  int64_t n = int64_t(items.size());
  int64_t start = a.has(1) ? index_bound(vm, a[1], n) : 0;
  int64_t stop = a.has(2) ? index_bound(vm, a[2], n) : n;
  for (int64_t i = start; i < stop && i < int64_t(items.size()); ++i)
    if (same_or_equal(vm, items[size_t(i)], a[0])) return i;
  return -1;
}

// ---------------------------------------------------------------- list

Value list_new(VM& vm, PosArgs args, KwArgs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.list);
  return vm.heap.make<ListObject>(cls);
}

Value list_init(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__init__");
  kwargs_none(vm, "list", kwargs);
  args_between(vm, "list", args.subspan(1), 0, 1);
  self->items.clear();
  if (args.size() > 1) list_extend_from(vm, self, args[1]);
  return vm.None;
}

Value list_append(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "append");
  self->items.push_back(arg_exactly_one(vm, "list.append", args.subspan(1), kwargs));
  return vm.None;
}

Value list_extend(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "extend");
  Value iterable = arg_exactly_one(vm, "list.extend", args.subspan(1), kwargs);
  list_extend_from(vm, self, iterable);
  return vm.None;
}

Value list_insert(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "insert");
  static const Signature sig("insert", "index, object, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  BigInt index = index_bigint(vm, a[0]);
  int64_t n = int64_t(self->items.size());
  if (index < 0) {
    index += n;
    if (index < 0) index = 0;
  }
  if (index > n) index = n;
  self->items.insert(self->items.begin() + static_cast<int64_t>(index), a[1]);
  return vm.None;
}

Value list_remove(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "remove");
  Value x = arg_exactly_one(vm, "list.remove", args.subspan(1), kwargs);
  for (size_t i = 0; i < self->items.size(); ++i) {
    if (same_or_equal(vm, self->items[i], x)) {
      if (i < self->items.size()) self->items.erase(self->items.begin() + int64_t(i));
      return vm.None;
    }
  }
  vm.raise(vm.t.ValueError, "list.remove(x): x not in list");
}

Value list_pop(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "pop");
  static const Signature sig("pop", "index=-1, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  BigInt index = a.has(0) ? index_bigint(vm, a[0]) : BigInt(-1);
  if (self->items.empty()) vm.raise(vm.t.IndexError, "pop from empty list");
  int64_t n = int64_t(self->items.size());
  if (index < 0) index += n;
  if (index < 0 || index >= n) vm.raise(vm.t.IndexError, "pop index out of range");
  auto at = self->items.begin() + static_cast<int64_t>(index);
  Value v = *at;
  self->items.erase(at);
  return v;
}

Value list_index(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "index");
  kwargs_none(vm, "index", kwargs);
  int64_t i = find_index(vm, self->items.vec(), args.subspan(1), "index");
  if (i < 0) vm.raise(vm.t.ValueError, vm.repr(args[1])->text + " is not in list");
  return vm.new_int(i);
}

Value list_count(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "count");
  Value x = arg_exactly_one(vm, "list.count", args.subspan(1), kwargs);
  int64_t n = 0;
  for (size_t i = 0; i < self->items.size(); ++i)
    if (same_or_equal(vm, self->items[i], x)) ++n;
  return vm.new_int(n);
}

Value list_clear(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "clear");
  args_none(vm, "list.clear", args.subspan(1), kwargs);
  self->items.clear();
  return vm.None;
}

Value list_copy(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "copy");
  args_none(vm, "list.copy", args.subspan(1), kwargs);
  return vm.new_list(self->items.vec());
}

Value list_reverse(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "reverse");
  args_none(vm, "list.reverse", args.subspan(1), kwargs);
  std::reverse(self->items.begin(), self->items.end());
  return vm.None;
}

Value list_sort(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "sort");
  static const Signature sig("sort", "*, key=None, reverse=False");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  bool reverse = a.has(1) && arg_int64(vm, a[1]) != 0;
  // As CPython, the list looks empty while it is being sorted; a key or __lt__ that
  // modifies it is reported.
  std::vector<Value> items = self->items.take();
  self->items.clear();
  try {
    sort_values(vm, items, a[0], reverse);
  } catch (...) {
    self->items = std::move(items);
    throw;
  }
  bool modified = !self->items.empty();
  self->items = std::move(items);
  if (modified) vm.raise(vm.t.ValueError, "list modified during sort");
  return vm.None;
}

// A plain list with self's items: lets list's own behaviour apply to subclasses that
// override the special method being called (super().__getitem__(i)).
ListObject* plain_list(VM& vm, ListObject* self) { return self->type == vm.t.list ? self : vm.new_list(self->items.vec()); }

Value list_len_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__len__");
  args_none(vm, "list.__len__", args.subspan(1), kwargs);
  return vm.new_int(int64_t(self->items.size()));
}

Value list_getitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__getitem__");
  Value key = arg_exactly_one(vm, "list.__getitem__", args.subspan(1), kwargs);
  return vm.get_item(plain_list(vm, self), key);
}

Value list_setitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__setitem__");
  static const Signature sig("__setitem__", "key, value, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  ListObject* plain = plain_list(vm, self);
  vm.set_item(plain, a[0], a[1]);
  if (plain != self) self->items = plain->items;
  return vm.None;
}

Value list_delitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__delitem__");
  Value key = arg_exactly_one(vm, "list.__delitem__", args.subspan(1), kwargs);
  ListObject* plain = plain_list(vm, self);
  vm.del_item(plain, key);
  if (plain != self) self->items = plain->items;
  return vm.None;
}

Value list_contains_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__contains__");
  Value x = arg_exactly_one(vm, "list.__contains__", args.subspan(1), kwargs);
  for (size_t i = 0; i < self->items.size(); ++i)
    if (same_or_equal(vm, self->items[i], x)) return vm.True;
  return vm.False;
}

Value list_iter_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__iter__");
  args_none(vm, "list.__iter__", args.subspan(1), kwargs);
  return vm.get_iter(plain_list(vm, self));
}

Value list_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__repr__");
  args_none(vm, "list.__repr__", args.subspan(1), kwargs);
  return vm.new_str("[" + join_reprs(vm, self->items) + "]");
}

Value list_iadd_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  ListObject* self = self_list(vm, args, "__iadd__");
  Value other = arg_exactly_one(vm, "list.__iadd__", args.subspan(1), kwargs);
  std::vector<Value> items = vm.to_vector(other);
  self->items.insert(self->items.end(), items.begin(), items.end());
  return self;
}

// ---------------------------------------------------------------- tuple

Value tuple_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.tuple);
  kwargs_none(vm, "tuple", kwargs);
  args_between(vm, "tuple", args.subspan(1), 0, 1);
  if (cls == vm.t.tuple && args.size() > 1 && has_kind(args[1], ObjKind::Tuple) && vm.type_of(args[1]) == vm.t.tuple)
    return args[1];
  if (cls == vm.t.tuple && args.size() > 1 && args[1].is_object() && !args[1].as_object()->type->is_builtin) {
    // A user iterable: as PySequence_Tuple, get the iterator, then ask for a length hint.
    Value iterator = vm.get_iter(args[1]);
    VM::TempRoot root(vm, iterator);
    length_hint(vm, args[1]);
    std::vector<Value> items;
    while (Value x = vm.next(iterator)) items.push_back(x);
    return vm.new_tuple(std::move(items));
  }
  if (cls == vm.t.tuple) return vm.new_tuple(args.size() > 1 ? vm.to_vector(args[1]) : std::vector<Value>{});  // () is one object
  auto* t = vm.heap.make<TupleObject>(cls);
  if (args.size() > 1) t->items = vm.to_vector(args[1]);
  return t;
}

Value tuple_index(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "index");
  kwargs_none(vm, "index", kwargs);
  int64_t i = find_index(vm, self->items, args.subspan(1), "index");
  if (i < 0) vm.raise(vm.t.ValueError, "tuple.index(x): x not in tuple");
  return vm.new_int(i);
}

Value tuple_count(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "count");
  Value x = arg_exactly_one(vm, "tuple.count", args.subspan(1), kwargs);
  int64_t n = 0;
  for (Value v : self->items)
    if (same_or_equal(vm, v, x)) ++n;
  return vm.new_int(n);
}

TupleObject* plain_tuple(VM& vm, TupleObject* self) { return self->type == vm.t.tuple ? self : vm.new_tuple(self->items); }

Value tuple_len_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "__len__");
  args_none(vm, "tuple.__len__", args.subspan(1), kwargs);
  return vm.new_int(int64_t(self->items.size()));
}

Value tuple_getitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "__getitem__");
  Value key = arg_exactly_one(vm, "tuple.__getitem__", args.subspan(1), kwargs);
  return vm.get_item(plain_tuple(vm, self), key);
}

Value tuple_contains_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "__contains__");
  Value x = arg_exactly_one(vm, "tuple.__contains__", args.subspan(1), kwargs);
  for (Value v : self->items)
    if (same_or_equal(vm, v, x)) return vm.True;
  return vm.False;
}

Value tuple_iter_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "__iter__");
  args_none(vm, "tuple.__iter__", args.subspan(1), kwargs);
  return vm.get_iter(plain_tuple(vm, self));
}

Value tuple_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "__repr__");
  args_none(vm, "tuple.__repr__", args.subspan(1), kwargs);
  return vm.repr(plain_tuple(vm, self));
}

Value tuple_hash_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TupleObject* self = self_tuple(vm, args, "__hash__");
  args_none(vm, "tuple.__hash__", args.subspan(1), kwargs);
  return vm.new_int(static_cast<int64_t>(vm.hash(plain_tuple(vm, self))));
}

}  // namespace

void install_list_methods(VM& vm) {
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kList[] = {
      {"__new__", list_new},           {"__init__", list_init},
      {"append", list_append},         {"extend", list_extend},
      {"insert", list_insert},         {"remove", list_remove},
      {"pop", list_pop},               {"index", list_index},
      {"count", list_count},           {"clear", list_clear},
      {"copy", list_copy},             {"reverse", list_reverse},
      {"sort", list_sort},             {"__len__", list_len_dunder},
      {"__getitem__", list_getitem_dunder}, {"__setitem__", list_setitem_dunder},
      {"__delitem__", list_delitem_dunder}, {"__contains__", list_contains_dunder},
      {"__iter__", list_iter_dunder},  {"__repr__", list_repr_dunder},
      {"__iadd__", list_iadd_dunder},
  };
  for (const Entry& e : kList) vm.def_method(vm.t.list, e.name, e.fn);
  static constexpr Entry kTuple[] = {
      {"__new__", tuple_new},          {"index", tuple_index},
      {"count", tuple_count},          {"__len__", tuple_len_dunder},
      {"__getitem__", tuple_getitem_dunder}, {"__contains__", tuple_contains_dunder},
      {"__iter__", tuple_iter_dunder}, {"__repr__", tuple_repr_dunder},
      {"__hash__", tuple_hash_dunder},
  };
  for (const Entry& e : kTuple) vm.def_method(vm.t.tuple, e.name, e.fn);
}

}  // namespace cv
