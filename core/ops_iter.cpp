// Iteration protocol of the VM: iter() and next() for builtin containers, generators, user __iter__/__next__, and __getitem__ sequences.
#include "core/diagnostics.h"
#include "core/ops.h"

namespace cv {

namespace {

const NameKey& key_iter() { static const NameKey k("__iter__"); return k; }
const NameKey& key_next() { static const NameKey k("__next__"); return k; }
const NameKey& key_getitem() { static const NameKey k("__getitem__"); return k; }

// Once exhausted, a native iterator stays exhausted (a list iterator ignores later appends).
Value exhausted(NativeIterator& it) {
  it.source = Value();
  return Value();
}

Value list_next(VM&, NativeIterator& it) {
  if (it.source.is_null()) return Value();
  auto* l = static_cast<ListObject*>(it.source.as_object());
  if (size_t(it.index) < l->items.size()) return l->items.vec()[size_t(it.index++)];
  return exhausted(it);
}

Value tuple_next(VM&, NativeIterator& it) {
  if (it.source.is_null()) return Value();
  auto* t = static_cast<TupleObject*>(it.source.as_object());
  if (size_t(it.index) < t->items.size()) return t->items[size_t(it.index++)];
  return exhausted(it);
}

// `index` is a byte offset into the UTF-8 text.
Value str_next(VM& vm, NativeIterator& it) {
  if (it.source.is_null()) return Value();
  const std::string& text = static_cast<StrObject*>(it.source.as_object())->text;
  size_t at = size_t(it.index);
  if (at >= text.size()) return exhausted(it);
  unsigned char lead = static_cast<unsigned char>(text[at]);
  size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  n = std::min(n, text.size() - at);
  it.index = int64_t(at + n);
  std::string_view piece = std::string_view(text).substr(at, n);
  return n == 1 ? Value(vm.intern(piece)) : Value(vm.new_str(std::string(piece)));
}

// `index` counts items, `limit` is the length.
Value range_next(VM& vm, NativeIterator& it) {
  if (it.source.is_null() || it.index >= it.limit) return exhausted(it);
  auto* r = static_cast<RangeObject*>(it.source.as_object());
  __int128 v = __int128(r->start) + __int128(it.index++) * r->step;
  return vm.new_int(int64_t(v));
}

// Dict iterators follow CPython's dictiter: `limit` is the size when iteration began (-1
// once a size change was reported), `step` the number of items still expected, `index`
// the next entry position.
const HashTable::Entry* dict_next_entry(VM& vm, NativeIterator& it) {
  if (it.source.is_null()) return nullptr;
  auto* d = static_cast<DictObject*>(it.source.as_object());
  if (d->table.size() != it.limit) {
    it.limit = -1;
    vm.raise(vm.t.RuntimeError, "dictionary changed size during iteration");
  }
  const auto& entries = d->table.entries();
  size_t i = size_t(it.index);
  while (i < entries.size() && entries[i].key.is_null()) ++i;
  if (i >= entries.size()) {
    exhausted(it);
    return nullptr;
  }
  if (it.step <= 0) {
    exhausted(it);
    vm.raise(vm.t.RuntimeError, "dictionary keys changed during iteration");
  }
  it.index = int64_t(i + 1);
  --it.step;
  return &entries[i];
}

Value dict_keys_next(VM& vm, NativeIterator& it) {
  const HashTable::Entry* e = dict_next_entry(vm, it);
  return e ? e->key : Value();
}

Value dict_values_next(VM& vm, NativeIterator& it) {
  const HashTable::Entry* e = dict_next_entry(vm, it);
  return e ? e->value : Value();
}

Value dict_items_next(VM& vm, NativeIterator& it) {
  const HashTable::Entry* e = dict_next_entry(vm, it);
  if (!e) return Value();
  Value key = e->key, value = e->value;
  return vm.new_tuple({key, value});
}

// `limit` is the size when iteration began, `index` the next slot.
Value set_next(VM& vm, NativeIterator& it) {
  if (it.source.is_null()) return Value();
  auto* s = static_cast<SetObject*>(it.source.as_object());
  if (s->table.size() != it.limit) {
    it.limit = -1;
    vm.raise(vm.t.RuntimeError, "Set changed size during iteration");
  }
  const auto& entries = s->table.entries();
  size_t i = size_t(it.index);
  while (i < entries.size() && entries[i].key.is_null()) ++i;
  if (i >= entries.size()) return exhausted(it);
  it.index = int64_t(i + 1);
  return entries[i].key;
}

bool is_stop_error(VM& vm, Value exception) {
  return vm.is_instance(exception, vm.t.IndexError) || vm.is_instance(exception, vm.t.StopIteration);
}

// The old sequence protocol: obj[0], obj[1], ... until IndexError (or StopIteration).
Value sequence_next(VM& vm, NativeIterator& it) {
  if (it.source.is_null()) return Value();
  Value item;
  try {
    item = vm.get_item(it.source, vm.new_int(it.index));
  } catch (PyRaise& e) {
    if (!is_stop_error(vm, Value(e.exception))) throw;
    return exhausted(it);
  } catch (PyError& e) {
    if (e.type_name != "IndexError" && e.type_name != "StopIteration") throw;
    return exhausted(it);
  }
  ++it.index;
  return item;
}

NativeIterator* make_iterator(VM& vm, NativeIterator::NextFn fn, Value source) {
  NativeIterator* it = vm.heap.make<NativeIterator>(vm.t.iterator, fn);
  it->source = source;
  return it;
}

bool is_iterator(VM& vm, Value v) {
  if (v.is_small_int()) return false;
  ObjKind k = v.as_object()->kind;
  if (k == ObjKind::Iterator || k == ObjKind::Generator) return true;
  return bool(find_special(vm, v, key_next().get()));
}

}  // namespace

NativeIterator* new_dict_iterator(VM& vm, DictObject* d, DictIteration what) {
  NativeIterator::NextFn fn = what == DictIteration::Keys ? dict_keys_next
                              : what == DictIteration::Values ? dict_values_next
                                                              : dict_items_next;
  NativeIterator* it = make_iterator(vm, fn, d);
  it->limit = d->table.size();
  it->step = d->table.size();
  return it;
}

NativeIterator* new_set_iterator(VM& vm, SetObject* s) {
  NativeIterator* it = make_iterator(vm, set_next, s);
  it->limit = s->table.size();
  return it;
}

Value VM::get_iter(Value v) {
  if (Value method = find_special(*this, v, key_iter().get())) {
    if (method == None) raise(t.TypeError, "'" + tp_name(*this, v) + "' object is not iterable");
    Value r = call_special(*this, method, v, {});
    if (!is_iterator(*this, r)) raise(t.TypeError, "iter() returned non-iterator of type '" + tp_name(*this, r) + "'");
    return r;
  }
  if (v.is_object()) {
    Object* o = v.as_object();
    switch (o->kind) {
      case ObjKind::List: return make_iterator(*this, list_next, v);
      case ObjKind::Tuple: return make_iterator(*this, tuple_next, v);
      case ObjKind::Str: return make_iterator(*this, str_next, v);
      case ObjKind::Range: {
        NativeIterator* it = make_iterator(*this, range_next, v);
        it->limit = static_cast<RangeObject*>(o)->length();
        return it;
      }
      case ObjKind::Dict: return new_dict_iterator(*this, static_cast<DictObject*>(o), DictIteration::Keys);
      case ObjKind::Set:
      case ObjKind::FrozenSet: return new_set_iterator(*this, static_cast<SetObject*>(o));
      case ObjKind::Iterator:
      case ObjKind::Generator: return v;
      default: break;
    }
  }
  if (find_special(*this, v, key_getitem().get())) return make_iterator(*this, sequence_next, v);
  raise(t.TypeError, "'" + tp_name(*this, v) + "' object is not iterable");
}

namespace {

// Whether iter(v) could succeed (CPython: tp_iter set, or PySequence_Check), without calling anything.
bool iterable_or_sequence(VM& vm, Value v) {
  if (Value method = find_special(vm, v, key_iter().get())) return method != vm.None;
  if (v.is_object()) {
    switch (v.as_object()->kind) {
      case ObjKind::List: case ObjKind::Tuple: case ObjKind::Str: case ObjKind::Range: case ObjKind::Dict:
      case ObjKind::Set: case ObjKind::FrozenSet: case ObjKind::Iterator: case ObjKind::Generator:
        return true;
      default: break;
    }
  }
  return !find_special(vm, v, key_getitem().get()).is_null();
}

}  // namespace

std::vector<Value> star_operand_items(VM& vm, Value operand, Value callee) {
  if (kind_of(operand) == ObjKind::Tuple) return static_cast<TupleObject*>(operand.as_object())->items;
  try {
    return vm.to_vector(operand);
  } catch (const PyRaise& e) {
    // As CPython: only a TypeError from an operand that is not iterable at all is reworded.
    if (!vm.is_instance(e.exception, vm.t.TypeError) || iterable_or_sequence(vm, operand)) throw;
    const std::string what = callee ? function_str(vm, callee) + " argument" : std::string("Value");
    vm.raise(vm.t.TypeError, what + " after * must be an iterable, not " + tp_name(vm, operand));
  }
}

Value VM::next(Value iterator) {
  if (iterator.is_object()) {
    Object* o = iterator.as_object();
    if (o->kind == ObjKind::Iterator) {
      auto* it = static_cast<NativeIterator*>(o);
      return it->next(*this, *it);
    }
    if (o->kind == ObjKind::Generator) return resume_generator(static_cast<GeneratorObject*>(o), None);
  }
  Value method = find_special(*this, iterator, key_next().get());
  if (!method) raise(t.TypeError, "'" + tp_name(*this, iterator) + "' object is not an iterator");
  try {
    return call_special(*this, method, iterator, {});
  } catch (PyRaise& e) {
    if (!is_instance(Value(e.exception), t.StopIteration)) throw;
    return Value();
  }
}

std::vector<Value> VM::to_vector(Value iterable) {
  if (iterable.is_object()) {
    Object* o = iterable.as_object();
    if ((o->kind == ObjKind::List || o->kind == ObjKind::Tuple) && !find_special(*this, iterable, key_iter().get()))
      return o->kind == ObjKind::List ? static_cast<ListObject*>(o)->items.vec() : static_cast<TupleObject*>(o)->items;
  }
  Value iterator = get_iter(iterable);
  std::vector<Value> out;
  if (iterable.is_object() && iterable.as_object()->kind != ObjKind::Iterator &&
      iterable.as_object()->kind != ObjKind::Generator && iterable.as_object()->kind != ObjKind::Instance) {
    // Sized containers: one allocation.
    ObjKind k = iterable.as_object()->kind;
    if (k == ObjKind::Dict) out.reserve(size_t(static_cast<DictObject*>(iterable.as_object())->table.size()));
    else if (k == ObjKind::Set || k == ObjKind::FrozenSet)
      out.reserve(size_t(static_cast<SetObject*>(iterable.as_object())->table.size()));
  }
  while (Value x = next(iterator)) out.push_back(x);
  return out;
}

}  // namespace cv
