// Helpers shared by the native builtins, the methods of builtin types and the library modules.
#include "core/native_support.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace cv {

// ---------------------------------------------------------------- iteration

namespace {

Value iterator_iter(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  args_none(vm, "__iter__", args.subspan(args.empty() ? 0 : 1), kwargs);
  if (args.empty() || !has_kind(args[0], ObjKind::Iterator)) vm.raise_type_error("__iter__ needs an iterator");
  return args[0];
}

Value iterator_next(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  args_none(vm, "__next__", args.subspan(args.empty() ? 0 : 1), kwargs);
  if (args.empty() || !has_kind(args[0], ObjKind::Iterator)) vm.raise_type_error("__next__ needs an iterator");
  Value item = vm.next(args[0]);
  if (item.is_null()) vm.raise(vm.new_exception(vm.t.StopIteration, std::vector<Value>{}));
  return item;
}

}  // namespace

TypeObject* new_iterator_type(VM& vm, std::string name, std::string module) {
  TypeObject* type = vm.new_type(std::move(name), {vm.t.iterator}, ObjKind::Iterator, true);
  type->module = std::move(module);
  return type;
}

void install_iterator_methods(VM& vm) {
  if (vm.t.iterator->lookup(vm.intern("__iter__")).is_null()) vm.def_method(vm.t.iterator, "__iter__", iterator_iter);
  if (vm.t.iterator->lookup(vm.intern("__next__")).is_null()) vm.def_method(vm.t.iterator, "__next__", iterator_next);
}

NativeIterator* new_native_iterator(VM& vm, TypeObject* type, NativeIterator::NextFn next) {
  return vm.heap.make<NativeIterator>(type, next);
}

// ---------------------------------------------------------------- dicts and sets

bool dict_del(VM& vm, DictObject* dict, Value key) { return dict->table.erase(vm, key, vm.hash(key)); }

void dict_set_str(VM& vm, DictObject* dict, std::string_view key, Value value) {
  StrObject* k = vm.intern(key);
  dict->table.insert(vm, k, k->hash(), value);
}

Value dict_get_str(VM& vm, DictObject* dict, std::string_view key) {
  StrObject* k = vm.intern(key);
  int64_t i = dict->table.find_str(k);
  return i < 0 ? Value() : dict->table.entries()[size_t(i)].value;
}

std::vector<std::pair<Value, Value>> dict_items(const DictObject* dict) {
  std::vector<std::pair<Value, Value>> out;
  out.reserve(size_t(dict->table.size()));
  for (const auto& e : dict->table.entries())
    if (!e.key.is_null()) out.emplace_back(e.key, e.value);
  return out;
}

bool set_add(VM& vm, SetObject* set, Value key) { return set->table.insert(vm, key, vm.hash(key), Value()); }

bool set_has(VM& vm, SetObject* set, Value key) { return set->table.find(vm, key, vm.hash(key)) >= 0; }

bool set_discard(VM& vm, SetObject* set, Value key) { return set->table.erase(vm, key, vm.hash(key)); }

std::vector<Value> set_keys(const SetObject* set) {
  std::vector<Value> out;
  out.reserve(size_t(set->table.size()));
  for (const auto& e : set->table.entries())
    if (!e.key.is_null()) out.push_back(e.key);
  return out;
}

// ---------------------------------------------------------------- sorting

namespace {

// The comparisons of CPython's timsort on runs shorter than 64 (count_run, then binary
// insertion) are reproduced exactly, so a user __lt__ that prints sees the same calls.
// Longer inputs are merged run by run without galloping: same result, other calls.
struct Sorter {
  VM& vm;
  std::vector<Value>& keys;   // what is compared
  std::vector<Value>* items;  // moved along with keys when sorting by key; else null

  bool less(Value a, Value b) { return vm.truthy(vm.compare(a, b, CompareOpArg::Lt)); }

  void swap_range_reverse(size_t lo, size_t hi) {
    std::reverse(keys.begin() + lo, keys.begin() + hi);
    if (items) std::reverse(items->begin() + lo, items->begin() + hi);
  }

  // Length of the run starting at lo; strictly descending runs are reversed in place.
  size_t count_run(size_t lo, size_t hi) {
    if (lo + 1 == hi) return 1;
    size_t n = 2;
    if (less(keys[lo + 1], keys[lo])) {
      for (size_t i = lo + 2; i < hi && less(keys[i], keys[i - 1]); ++i) ++n;
      swap_range_reverse(lo, lo + n);
    } else {
      for (size_t i = lo + 2; i < hi && !less(keys[i], keys[i - 1]); ++i) ++n;
    }
    return n;
  }

  // Extends the sorted prefix [lo, start) to [lo, hi) by binary insertion.
  void binary_sort(size_t lo, size_t hi, size_t start) {
    if (lo == start) ++start;
    for (; start < hi; ++start) {
      size_t l = lo, r = start;
      Value pivot = keys[start];
      do {
        size_t p = l + ((r - l) >> 1);
        if (less(pivot, keys[p]))
          r = p;
        else
          l = p + 1;
      } while (l < r);
      std::rotate(keys.begin() + l, keys.begin() + start, keys.begin() + start + 1);
      if (items) std::rotate(items->begin() + l, items->begin() + start, items->begin() + start + 1);
    }
  }

  void merge(size_t lo, size_t mid, size_t hi) {
    std::vector<Value> k(keys.begin() + lo, keys.begin() + hi);
    std::vector<Value> v;
    if (items) v.assign(items->begin() + lo, items->begin() + hi);
    size_t a = 0, b = mid - lo, a_end = mid - lo, b_end = hi - lo, out = lo;
    while (a < a_end && b < b_end) {
      bool take_b = less(k[b], k[a]);
      size_t from = take_b ? b++ : a++;
      keys[out] = k[from];
      if (items) (*items)[out] = v[from];
      ++out;
    }
    for (; a < a_end; ++a, ++out) {
      keys[out] = k[a];
      if (items) (*items)[out] = v[a];
    }
    for (; b < b_end; ++b, ++out) {
      keys[out] = k[b];
      if (items) (*items)[out] = v[b];
    }
  }

  static size_t min_run(size_t n) {
    size_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  void sort() {
    size_t n = keys.size();
    if (n < 2) return;
    size_t minrun = min_run(n);
    std::vector<size_t> run_starts;
    size_t lo = 0;
    while (lo < n) {
      size_t remaining = n - lo;
      size_t len = count_run(lo, n);
      if (len < minrun) {
        size_t force = std::min(remaining, minrun);
        binary_sort(lo, lo + force, lo + len);
        len = force;
      }
      run_starts.push_back(lo);
      lo += len;
    }
    // Merge neighbouring runs pairwise until one run is left. `bounds` holds the runs'
    // starts and then n.
    std::vector<size_t> bounds = std::move(run_starts);
    bounds.push_back(n);
    while (bounds.size() > 2) {
      const size_t runs = bounds.size() - 1;
      std::vector<size_t> merged;
      size_t i = 0;
      for (; i + 2 <= runs; i += 2) {
        merge(bounds[i], bounds[i + 1], bounds[i + 2]);
        merged.push_back(bounds[i]);
      }
      if (i < runs) merged.push_back(bounds[i]);
      merged.push_back(n);
      bounds = std::move(merged);
    }
  }
};

}  // namespace

void length_hint(VM& vm, Value iterable) {
  if (!iterable.is_object()) return;
  Object* o = iterable.as_object();
  Value target = iterable;
  if (o->kind == ObjKind::Iterator && o->type->name == "reversed") {
    // reversed.__length_hint__ asks the sequence for its length again.
    target = static_cast<NativeIterator*>(o)->source;
    if (!target.is_object()) return;
    o = target.as_object();
  }
  if (o->type->is_builtin) return;  // no Python code runs: nothing to observe
  Value method = find_special(vm, target, vm.intern("__len__"));
  if (!method) method = find_special(vm, target, vm.intern("__length_hint__"));
  if (!method) return;
  try {
    call_special(vm, method, target, {});
  } catch (PyRaise& e) {
    if (!vm.is_instance(Value(e.exception), vm.t.TypeError)) throw;
  }
}

void list_extend_from(VM& vm, ListObject* self, Value iterable) {
  if (iterable.is_object()) {
    Object* o = iterable.as_object();
    if (o == self || ((o->kind == ObjKind::List || o->kind == ObjKind::Tuple) &&
                      (o->type == vm.t.list || o->type == vm.t.tuple))) {
      std::vector<Value> items = vm.to_vector(iterable);  // a copy, so l.extend(l) doubles l
      self->items.insert(std::as_const(self->items).end(), items.begin(), items.end());
      vm.heap.note_external_bytes(items.size() * sizeof(Value));
      return;
    }
  }
  Value iterator = vm.get_iter(iterable);
  VM::TempRoot root(vm, iterator);
  length_hint(vm, iterable);
  size_t added = 0;
  while (Value x = vm.next(iterator)) {
    self->items.push_back(x);
    ++added;
  }
  vm.heap.note_external_bytes(added * sizeof(Value));
}

void sort_values(VM& vm, std::vector<Value>& items, Value key, bool reverse) {
  std::vector<Value> work = items;
  if (key.is_null() || key == vm.None) {
    if (reverse) std::reverse(work.begin(), work.end());
    Sorter{vm, work, nullptr}.sort();
  } else {
    // As CPython's list.sort: the keys are computed in the list's order, then both reversed.
    std::vector<Value> keys;
    keys.reserve(work.size());
    for (Value item : work) keys.push_back(vm.call(key, {&item, 1}));
    if (reverse) {
      std::reverse(work.begin(), work.end());
      std::reverse(keys.begin(), keys.end());
    }
    Sorter{vm, keys, &work}.sort();
  }
  if (reverse) std::reverse(work.begin(), work.end());
  items = std::move(work);
}

// ---------------------------------------------------------------- numbers

BigInt index_bigint(VM& vm, Value v) {
  if (VM::is_int(v)) return vm.to_bigint(v);
  Value r = vm.call_dunder_or_null(v, "__index__", {});
  if (r.is_null()) vm.raise_type_error("'" + vm.type_name(v) + "' object cannot be interpreted as an integer");
  if (!VM::is_int(r)) vm.raise_type_error("__index__ returned non-int (type " + vm.type_name(r) + ")");
  return vm.to_bigint(r);
}

// ---------------------------------------------------------------- strings

std::string ascii_escape(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += char(c);
      ++i;
      continue;
    }
    uint32_t cp;
    size_t len;
    if (c >= 0xF0) {
      cp = c & 0x07;
      len = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F;
      len = 3;
    } else {
      cp = c & 0x1F;
      len = 2;
    }
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    char buf[16];
    if (cp < 0x100)
      std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000)
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
      std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return out;
}

// ---------------------------------------------------------------- library classes

TypeObject* def_library_class(VM& vm, ModuleObject* module, const char* name, TypeObject* base, ObjKind kind,
                              std::initializer_list<NativeMethod> methods) {
  TypeObject* type = vm.new_type(name, {base}, kind, true);
  type->module = module->name;
  for (const NativeMethod& method : methods) vm.def_method(type, method.name, method.fn)->data = type;
  dict_set_str(vm, module->attrs, name, type);
  return type;
}

// ---------------------------------------------------------------- misc

void def_native_getter(VM& vm, TypeObject* type, std::string name, NativeFn getter, Object* data) {
  auto* prop = vm.heap.make<DescriptorObject>(ObjKind::Property, vm.t.property);
  BuiltinFunction* fn = vm.new_builtin(name, getter, data);
  fn->qualname = type->name + "." + name;
  prop->fget = fn;
  prop->fset = vm.None;
  prop->fdel = vm.None;
  prop->doc = vm.None;
  vm.def_attr(type, name, prop);
}

ExceptionObject* exception_from(VM& vm, const PyError& error) {
  TypeObject* type = vm.t.RuntimeError;
  Value found = dict_get_str(vm, vm.builtins, error.type_name);
  if (has_kind(found, ObjKind::Type)) type = as<TypeObject>(found);
  return vm.new_exception(type, error.message);
}

void raise_key_error(VM& vm, Value key) { vm.raise(vm.new_exception(vm.t.KeyError, std::vector<Value>{key})); }

}  // namespace cv
