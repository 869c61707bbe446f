// Subscript protocol of the VM: indexing, slicing, slice assignment and deletion, dict lookups with __missing__.
#include <utility>

#include "core/ops.h"

namespace cv {

namespace {

const NameKey& key_getitem() { static const NameKey k("__getitem__"); return k; }
const NameKey& key_setitem() { static const NameKey k("__setitem__"); return k; }
const NameKey& key_delitem() { static const NameKey k("__delitem__"); return k; }
const NameKey& key_missing() { static const NameKey k("__missing__"); return k; }
const NameKey& key_iter() { static const NameKey k("__iter__"); return k; }
const NameKey& key_class_getitem() { static const NameKey k("__class_getitem__"); return k; }

bool is_slice(Value v) { return v.is_object() && v.as_object()->kind == ObjKind::Slice; }
const SliceObject* as_slice(Value v) { return static_cast<const SliceObject*>(v.as_object()); }

// Negative indexes count from the end; false when out of range.
bool wrap_index(int64_t* i, size_t size) {
  if (*i < 0) *i += int64_t(size);
  return *i >= 0 && *i < int64_t(size);
}

[[noreturn]] void raise_key_error(VM& vm, Value key) {
  vm.raise(vm.new_exception(vm.t.KeyError, std::vector<Value>{key}));
}

std::vector<Value> slice_items(const std::vector<Value>& items, const SliceIndices& s) {
  std::vector<Value> out;
  out.reserve(size_t(s.length));
  for (int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step) out.push_back(items[size_t(i)]);
  return out;
}

// CPython's PySequence_Fast: the items of any iterable, with `message` when it is not one.
std::vector<Value> items_of_iterable(VM& vm, Value v, const char* message) {
  if (v.is_object() && (v.as_object()->type == vm.t.list || v.as_object()->type == vm.t.tuple)) {
    Object* o = v.as_object();
    return o->kind == ObjKind::List ? static_cast<ListObject*>(o)->items.vec() : static_cast<TupleObject*>(o)->items;
  }
  Value iterator;
  try {
    iterator = vm.get_iter(v);
  } catch (PyRaise& e) {
    if (!vm.is_instance(Value(e.exception), vm.t.TypeError)) throw;
    vm.raise(vm.t.TypeError, message);
  }
  std::vector<Value> out;
  while (Value x = vm.next(iterator)) out.push_back(x);
  return out;
}

void list_assign_slice(VM& vm, ListObject* list, const SliceObject* slice, Value v) {
  SliceIndices s = slice_indices(vm, slice, int64_t(list->items.size()));
  if (s.step == 1) {
    std::vector<Value> items = items_of_iterable(vm, v, "can only assign an iterable");
    // The list may have changed while a user iterator ran; clamp as CPython's list_ass_slice does.
    int64_t size = int64_t(list->items.size());
    int64_t lo = std::min(s.start, size);
    int64_t hi = std::min(std::max(s.start + s.length, lo), size);
    auto& dst = list->items;
    const Value* first = std::as_const(dst).begin();  // const: positions only, not a write
    dst.erase(first + lo, first + hi);
    dst.insert(std::as_const(dst).begin() + lo, items.begin(), items.end());
    vm.heap.note_external_bytes(items.size() * sizeof(Value));
    return;
  }
  std::vector<Value> items = items_of_iterable(vm, v, "must assign iterable to extended slice");
  if (int64_t(items.size()) != s.length)
    vm.raise(vm.t.ValueError, "attempt to assign sequence of size " + std::to_string(items.size()) +
                                  " to extended slice of size " + std::to_string(s.length));
  for (int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step)
    if (i >= 0 && i < int64_t(list->items.size())) list->items[size_t(i)] = items[size_t(k)];
}

void list_delete_slice(VM& vm, ListObject* list, const SliceObject* slice) {
  SliceIndices s = slice_indices(vm, slice, int64_t(list->items.size()));
  if (s.length <= 0) return;
  auto& items = list->items;
  if (s.step == 1) {
    items.erase(items.begin() + s.start, items.begin() + s.start + s.length);
    return;
  }
  std::vector<bool> doomed(items.size(), false);
  for (int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step) doomed[size_t(i)] = true;
  size_t out = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (!doomed[i]) items[out++] = items[i];
  items.resize(out);
}

Value range_item(VM& vm, RangeObject* r, Value key) {
  if (std::optional<int64_t> i = as_index(vm, key)) {
    int64_t n = r->length();
    int64_t k = *i;
    if (k < 0) k += n;
    if (k < 0 || k >= n) vm.raise(vm.t.IndexError, "range object index out of range");
    return vm.new_int(BigInt(r->start) + BigInt(k) * r->step);
  }
  if (is_slice(key)) {
    SliceIndices s = slice_indices(vm, as_slice(key), r->length());
    auto clamp = [](__int128 x) {
      if (x > INT64_MAX) return INT64_MAX;
      if (x < INT64_MIN) return INT64_MIN;
      return int64_t(x);
    };
    int64_t start = clamp(__int128(r->start) + __int128(s.start) * r->step);
    int64_t stop = clamp(__int128(r->start) + __int128(s.stop) * r->step);
    int64_t step = clamp(__int128(r->step) * s.step);
    return vm.heap.make<RangeObject>(vm.t.range, start, stop, step);
  }
  vm.raise(vm.t.TypeError, "range indices must be integers or slices, not " + tp_name(vm, key));
}

Value str_item(VM& vm, StrObject* s, Value key) {
  if (std::optional<int64_t> i = as_index(vm, key)) {
    int64_t k = *i;
    if (k < 0) k += s->length;
    if (k < 0 || k >= s->length) vm.raise(vm.t.IndexError, "string index out of range");
    if (s->is_ascii) return vm.intern(std::string_view(s->text).substr(size_t(k), 1));
    size_t at = utf8_index(s->text, k);
    size_t end = utf8_index(std::string_view(s->text).substr(at), 1) + at;
    return vm.new_str(s->text.substr(at, end - at));
  }
  if (is_slice(key)) {
    SliceIndices si = slice_indices(vm, as_slice(key), s->length);
    if (si.step == 1 && si.length == s->length && s->type == vm.t.str) return s;
    if (s->is_ascii && si.step == 1) return vm.new_str(s->text.substr(size_t(si.start), size_t(si.length)));
    return vm.new_str(utf8_slice(s->text, si));
  }
  vm.raise(vm.t.TypeError, "string indices must be integers, not '" + tp_name(vm, key) + "'");
}

// Containers whose CPython type has a sequence part, which words deletion errors differently.
bool has_sequence_protocol(const Object* o) {
  switch (o->kind) {
    case ObjKind::Str:
    case ObjKind::Tuple:
    case ObjKind::Range:
    case ObjKind::Set:
    case ObjKind::FrozenSet:
    case ObjKind::List: return true;
    default: return !o->type->is_builtin;
  }
}

}  // namespace

// ---------------------------------------------------------------- dict helpers

void dict_set(VM& vm, DictObject* d, Value key, Value value) { d->table.insert(vm, key, vm.hash(key), value); }

Value dict_get(VM& vm, const DictObject* d, Value key) {
  int64_t i = d->table.find(vm, key, vm.hash(key));
  return i < 0 ? Value() : d->table.entries()[size_t(i)].value;
}

void dict_update(VM& vm, DictObject* d, Value other) {
  // A dict whose iteration is dict's own is merged entry by entry, as CPython's PyDict_Merge.
  if (other.is_object() && other.as_object()->kind == ObjKind::Dict && !find_special(vm, other, key_iter().get())) {
    d->table.merge(vm, static_cast<DictObject*>(other.as_object())->table);
    return;
  }
  if (Value keys = vm.get_attr_or_null(other, vm.intern("keys"))) {
    // A mapping: its keys(), then other[key] for each.
    for (Value key : vm.to_vector(vm.call(keys, {}))) dict_set(vm, d, key, vm.get_item(other, key));
    return;
  }
  Value iterator = vm.get_iter(other);
  int64_t index = 0;
  while (Value item = vm.next(iterator)) {
    std::vector<Value> pair;
    try {
      pair = items_of_iterable(vm, item, "");
    } catch (PyRaise& e) {
      if (!vm.is_instance(Value(e.exception), vm.t.TypeError)) throw;
      vm.raise(vm.t.TypeError,
               "cannot convert dictionary update sequence element #" + std::to_string(index) + " to a sequence");
    }
    if (pair.size() != 2)
      vm.raise(vm.t.ValueError, "dictionary update sequence element #" + std::to_string(index) + " has length " +
                                    std::to_string(pair.size()) + "; 2 is required");
    dict_set(vm, d, pair[0], pair[1]);
    ++index;
  }
}

// ---------------------------------------------------------------- VM members

Value VM::get_item(Value container, Value key) {
  if (Value method = find_special(*this, container, key_getitem().get())) {
    Value args[1] = {key};
    return call_special(*this, method, container, args);
  }
  if (container.is_small_int()) raise(t.TypeError, "'int' object is not subscriptable");
  Object* o = container.as_object();
  switch (o->kind) {
    case ObjKind::List: {
      auto* l = static_cast<ListObject*>(o);
      if (std::optional<int64_t> i = as_index(*this, key)) {
        int64_t k = *i;
        if (!wrap_index(&k, l->items.size())) raise(t.IndexError, "list index out of range");
        return l->items.vec()[size_t(k)];  // a read: no write report
      }
      if (is_slice(key)) return new_list(slice_items(l->items.vec(), slice_indices(*this, as_slice(key), int64_t(l->items.size()))));
      raise(t.TypeError, "list indices must be integers or slices, not " + tp_name(*this, key));
    }
    case ObjKind::Tuple: {
      auto* tup = static_cast<TupleObject*>(o);
      if (std::optional<int64_t> i = as_index(*this, key)) {
        int64_t k = *i;
        if (!wrap_index(&k, tup->items.size())) raise(t.IndexError, "tuple index out of range");
        return tup->items[size_t(k)];
      }
      if (is_slice(key)) {
        SliceIndices s = slice_indices(*this, as_slice(key), int64_t(tup->items.size()));
        if (s.step == 1 && s.length == int64_t(tup->items.size()) && o->type == t.tuple) return container;
        return new_tuple(slice_items(tup->items, s));
      }
      raise(t.TypeError, "tuple indices must be integers or slices, not " + tp_name(*this, key));
    }
    case ObjKind::Str: return str_item(*this, static_cast<StrObject*>(o), key);
    case ObjKind::Range: return range_item(*this, static_cast<RangeObject*>(o), key);
    case ObjKind::Dict: {
      auto* d = static_cast<DictObject*>(o);
      uint64_t h = hash(key);
      int64_t i = d->table.find(*this, key, h);
      if (i >= 0) return d->table.entries()[size_t(i)].value;
      if (o->type != t.dict) {
        if (Value missing = o->type->lookup(key_missing().get())) {
          Value args[1] = {key};
          return call_special(*this, missing, container, args);
        }
        if (d->default_factory && d->default_factory != None) {
          Value v = call(d->default_factory, {});
          set_item(container, key, v);
          return v;
        }
      }
      raise_key_error(*this, key);
    }
    case ObjKind::Type: {
      auto* cls = static_cast<TypeObject*>(o);
      if (Value hook = cls->lookup(key_class_getitem().get())) {
        // __class_getitem__ is implicitly a classmethod.
        if (hook.is_object() && hook.as_object()->kind == ObjKind::Function) {
          Value args[2] = {cls, key};
          return call(hook, args);
        }
        Value args[1] = {key};
        return call(bind_descriptor(*this, hook, Value(), cls), args);
      }
      // Generic aliases (list[int] in annotations) stand for their class here.
      if (cls == t.list || cls == t.tuple || cls == t.dict || cls == t.set || cls == t.frozenset || cls == t.type)
        return container;
      raise(t.TypeError, "type '" + tp_name(cls) + "' is not subscriptable");
    }
    default: break;
  }
  raise(t.TypeError, "'" + tp_name(o->type) + "' object is not subscriptable");
}

void VM::set_item(Value container, Value key, Value v) {
  if (Value method = find_special(*this, container, key_setitem().get())) {
    Value args[2] = {key, v};
    call_special(*this, method, container, args);
    return;
  }
  if (container.is_object()) {
    Object* o = container.as_object();
    if (o->kind == ObjKind::List) {
      auto* l = static_cast<ListObject*>(o);
      if (std::optional<int64_t> i = as_index(*this, key)) {
        int64_t k = *i;
        if (!wrap_index(&k, l->items.size())) raise(t.IndexError, "list assignment index out of range");
        l->items[size_t(k)] = v;
        return;
      }
      if (is_slice(key)) {
        list_assign_slice(*this, l, as_slice(key), v);
        return;
      }
      raise(t.TypeError, "list indices must be integers or slices, not " + tp_name(*this, key));
    }
    if (o->kind == ObjKind::Dict) {
      dict_set(*this, static_cast<DictObject*>(o), key, v);
      return;
    }
  }
  raise(t.TypeError, "'" + tp_name(*this, container) + "' object does not support item assignment");
}

void VM::del_item(Value container, Value key) {
  if (Value method = find_special(*this, container, key_delitem().get())) {
    Value args[1] = {key};
    call_special(*this, method, container, args);
    return;
  }
  if (container.is_object()) {
    Object* o = container.as_object();
    if (o->kind == ObjKind::List) {
      auto* l = static_cast<ListObject*>(o);
      if (std::optional<int64_t> i = as_index(*this, key)) {
        int64_t k = *i;
        if (!wrap_index(&k, l->items.size())) raise(t.IndexError, "list assignment index out of range");
        l->items.erase(std::as_const(l->items).begin() + k);
        return;
      }
      if (is_slice(key)) {
        list_delete_slice(*this, l, as_slice(key));
        return;
      }
      raise(t.TypeError, "list indices must be integers or slices, not " + tp_name(*this, key));
    }
    if (o->kind == ObjKind::Dict) {
      if (!static_cast<DictObject*>(o)->table.erase(*this, key, hash(key))) raise_key_error(*this, key);
      return;
    }
    if (has_sequence_protocol(o) && as_index(*this, key))
      raise(t.TypeError, "'" + tp_name(o->type) + "' object doesn't support item deletion");
  }
  raise(t.TypeError, "'" + tp_name(*this, container) + "' object does not support item deletion");
}

}  // namespace cv
