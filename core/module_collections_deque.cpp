// collections.deque: a NativeObject whose slots are the items, with maxlen trimming as CPython's.
#include <algorithm>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

TypeObject* self_type_of(Object* data) { return static_cast<TypeObject*>(data); }

// ================================================================ deque
// NativeObject: slots are the items; counters[0] is maxlen (-1 = unbounded).

NativeObject* self_deque(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<NativeObject>(vm, args, self_type_of(data), method);
}

int64_t deque_maxlen(NativeObject* d) { return d->counters[0]; }

void deque_trim_left(NativeObject* d) {
  int64_t maxlen = deque_maxlen(d);
  if (maxlen >= 0 && int64_t(d->slots.size()) > maxlen)
    d->slots.erase(d->slots.begin(), d->slots.begin() + (int64_t(d->slots.size()) - maxlen));
}

void deque_trim_right(NativeObject* d) {
  int64_t maxlen = deque_maxlen(d);
  if (maxlen >= 0 && int64_t(d->slots.size()) > maxlen) d->slots.resize(size_t(maxlen));
}

Value deque_new(VM& vm, PosArgs args, KwArgs, Object* data) {
  TypeObject* cls = new_cls(vm, args, self_type_of(data));
  auto* d = vm.heap.make<NativeObject>(cls);
  d->counters[0] = -1;
  if (!cls->is_builtin) d->attrs = vm.new_dict();
  return d;
}

Value deque_init(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__init__");
  static const Signature sig("deque", "iterable=(), maxlen=None");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  int64_t maxlen = -1;
  if (!is_none(vm, a[1])) {
    maxlen = arg_int64(vm, a[1]);
    if (maxlen < 0) vm.raise(vm.t.ValueError, "maxlen must be non-negative");
  }
  self->counters[0] = maxlen;
  self->slots.clear();
  if (a.has(0)) {
    self->slots = vm.to_vector(a[0]);
    deque_trim_left(self);
  }
  return vm.None;
}

Value deque_append(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "append");
  self->slots.push_back(arg_exactly_one(vm, "deque.append", args.subspan(1), kwargs));
  deque_trim_left(self);
  return vm.None;
}

Value deque_appendleft(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "appendleft");
  self->slots.insert(self->slots.begin(), arg_exactly_one(vm, "deque.appendleft", args.subspan(1), kwargs));
  deque_trim_right(self);
  return vm.None;
}

Value deque_extend(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "extend");
  std::vector<Value> items = vm.to_vector(arg_exactly_one(vm, "deque.extend", args.subspan(1), kwargs));
  for (Value v : items) {
    self->slots.push_back(v);
    deque_trim_left(self);
  }
  return vm.None;
}

Value deque_extendleft(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "extendleft");
  std::vector<Value> items = vm.to_vector(arg_exactly_one(vm, "deque.extendleft", args.subspan(1), kwargs));
  for (Value v : items) {
    self->slots.insert(self->slots.begin(), v);
    deque_trim_right(self);
  }
  return vm.None;
}

Value deque_pop(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "pop");
  args_none(vm, "deque.pop", args.subspan(1), kwargs);
  if (self->slots.empty()) vm.raise(vm.t.IndexError, "pop from an empty deque");
  Value v = self->slots.back();
  self->slots.pop_back();
  return v;
}

Value deque_popleft(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "popleft");
  args_none(vm, "deque.popleft", args.subspan(1), kwargs);
  if (self->slots.empty()) vm.raise(vm.t.IndexError, "pop from an empty deque");
  Value v = self->slots.front();
  self->slots.erase(self->slots.begin());
  return v;
}

Value deque_clear(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "clear");
  args_none(vm, "deque.clear", args.subspan(1), kwargs);
  self->slots.clear();
  return vm.None;
}

Value deque_copy(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "copy");
  args_none(vm, "deque.copy", args.subspan(1), kwargs);
  auto* d = vm.heap.make<NativeObject>(self->type);
  d->slots = self->slots;
  d->counters[0] = self->counters[0];
  return d;
}

Value deque_count(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "count");
  Value x = arg_exactly_one(vm, "deque.count", args.subspan(1), kwargs);
  int64_t n = 0;
  for (Value v : std::vector<Value>(self->slots))
    if (v == x || vm.equals(v, x)) ++n;
  return vm.new_int(n);
}

int64_t deque_find(VM& vm, NativeObject* self, Value x) {
  std::vector<Value> items = self->slots;
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i] == x || vm.equals(items[i], x)) return int64_t(i);
  return -1;
}

Value deque_index(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "index");
  kwargs_none(vm, "index", kwargs);
  args_between(vm, "index", args.subspan(1), 1, 3);
  int64_t i = deque_find(vm, self, args[1]);
  if (i < 0) vm.raise(vm.t.ValueError, vm.repr(args[1])->text + " is not in deque");
  return vm.new_int(i);
}

Value deque_remove(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "remove");
  Value x = arg_exactly_one(vm, "deque.remove", args.subspan(1), kwargs);
  int64_t i = deque_find(vm, self, x);
  if (i < 0) vm.raise(vm.t.ValueError, vm.repr(x)->text + " is not in deque");
  self->slots.erase(self->slots.begin() + i);
  return vm.None;
}

Value deque_insert(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "insert");
  static const Signature sig("insert", "index, object, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (deque_maxlen(self) >= 0 && int64_t(self->slots.size()) >= deque_maxlen(self))
    vm.raise(vm.t.IndexError, "deque already at its maximum size");
  int64_t n = int64_t(self->slots.size());
  int64_t i = arg_int64(vm, a[0]);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  self->slots.insert(self->slots.begin() + i, a[1]);
  return vm.None;
}

Value deque_reverse(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "reverse");
  args_none(vm, "deque.reverse", args.subspan(1), kwargs);
  std::reverse(self->slots.begin(), self->slots.end());
  return vm.None;
}

Value deque_rotate(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "rotate");
  static const Signature sig("rotate", "n=1, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  int64_t n = a.has(0) ? arg_int64(vm, a[0]) : 1;
  int64_t size = int64_t(self->slots.size());
  if (size <= 1) return vm.None;
  n %= size;
  if (n < 0) n += size;
  std::rotate(self->slots.begin(), self->slots.begin() + (size - n), self->slots.end());
  return vm.None;
}

Value deque_maxlen_get(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "maxlen");
  return deque_maxlen(self) < 0 ? vm.None : vm.new_int(deque_maxlen(self));
}

Value deque_len(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__len__");
  args_none(vm, "deque.__len__", args.subspan(1), kwargs);
  return vm.new_int(int64_t(self->slots.size()));
}

size_t deque_position(VM& vm, NativeObject* self, Value key) {
  int64_t n = int64_t(self->slots.size());
  int64_t i = arg_int64(vm, key);
  if (i < 0) i += n;
  if (i < 0 || i >= n) vm.raise(vm.t.IndexError, "deque index out of range");
  return size_t(i);
}

Value deque_getitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__getitem__");
  Value key = arg_exactly_one(vm, "deque.__getitem__", args.subspan(1), kwargs);
  if (has_kind(key, ObjKind::Slice)) vm.raise_type_error("sequence index must be integer, not 'slice'");
  return self->slots[deque_position(vm, self, key)];
}

Value deque_setitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__setitem__");
  static const Signature sig("__setitem__", "key, value, /", ArgStyle::Positional);
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  self->slots[deque_position(vm, self, a[0])] = a[1];
  return vm.None;
}

Value deque_delitem(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__delitem__");
  Value key = arg_exactly_one(vm, "deque.__delitem__", args.subspan(1), kwargs);
  self->slots.erase(self->slots.begin() + int64_t(deque_position(vm, self, key)));
  return vm.None;
}

Value deque_contains(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__contains__");
  Value x = arg_exactly_one(vm, "deque.__contains__", args.subspan(1), kwargs);
  return vm.new_bool(deque_find(vm, self, x) >= 0);
}

Value deque_iter(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__iter__");
  args_none(vm, "deque.__iter__", args.subspan(1), kwargs);
  return vm.get_iter(vm.new_list(self->slots));
}

Value deque_reversed(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__reversed__");
  args_none(vm, "deque.__reversed__", args.subspan(1), kwargs);
  std::vector<Value> items(self->slots.rbegin(), self->slots.rend());
  return vm.get_iter(vm.new_list(std::move(items)));
}

Value deque_repr(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_deque(vm, args, data, "__repr__");
  args_none(vm, "deque.__repr__", args.subspan(1), kwargs);
  std::string out = vm.type_of(self)->name + "(" + vm.repr(vm.new_list(self->slots))->text;
  if (deque_maxlen(self) >= 0) out += ", maxlen=" + std::to_string(deque_maxlen(self));
  return vm.new_str(out + ")");
}

Value deque_eq_impl(VM& vm, PosArgs args, KwArgs kwargs, Object* data, bool negate) {
  NativeObject* self = self_deque(vm, args, data, "__eq__");
  Value other = arg_exactly_one(vm, "deque.__eq__", args.subspan(1), kwargs);
  if (!vm.is_instance(other, self_type_of(data))) return vm.NotImplemented;
  bool equal = vm.equals(vm.new_list(self->slots), vm.new_list(as<NativeObject>(other)->slots));
  return vm.new_bool(equal != negate);
}

Value deque_eq(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return deque_eq_impl(vm, args, kwargs, data, false); }
Value deque_ne(VM& vm, PosArgs args, KwArgs kwargs, Object* data) { return deque_eq_impl(vm, args, kwargs, data, true); }

Value deque_iadd(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  deque_extend(vm, args, kwargs, data);
  return args[0];
}

}  // namespace

void install_collections_deque(VM& vm, ModuleObject* m) {
  TypeObject* deque = def_library_class(vm, m, "deque", vm.t.object, ObjKind::Native,
                                        {{"__new__", deque_new},
                                         {"__init__", deque_init},
                                         {"append", deque_append},
                                         {"appendleft", deque_appendleft},
                                         {"extend", deque_extend},
                                         {"extendleft", deque_extendleft},
                                         {"pop", deque_pop},
                                         {"popleft", deque_popleft},
                                         {"clear", deque_clear},
                                         {"copy", deque_copy},
                                         {"__copy__", deque_copy},
                                         {"count", deque_count},
                                         {"index", deque_index},
                                         {"remove", deque_remove},
                                         {"insert", deque_insert},
                                         {"reverse", deque_reverse},
                                         {"rotate", deque_rotate},
                                         {"__len__", deque_len},
                                         {"__getitem__", deque_getitem},
                                         {"__setitem__", deque_setitem},
                                         {"__delitem__", deque_delitem},
                                         {"__contains__", deque_contains},
                                         {"__iter__", deque_iter},
                                         {"__reversed__", deque_reversed},
                                         {"__repr__", deque_repr},
                                         {"__eq__", deque_eq},
                                         {"__ne__", deque_ne},
                                         {"__iadd__", deque_iadd}});
  def_native_getter(vm, deque, "maxlen", deque_maxlen_get, deque);
  vm.def_attr(deque, "__hash__", vm.None);
}

}  // namespace cv
