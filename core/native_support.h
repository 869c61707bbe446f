// Helpers shared by the native builtins, the methods of builtin types and the library modules.
//
// Internal to builtins.cpp, methods_*.cpp and module_*.cpp: iteration, dict and set
// access through the HashTable, the stable sort, and making native types. Nothing
// here is part of the VM's API.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/native_args.h"
#include "core/ops.h"
#include "core/vm.h"

namespace cv {

// ---- iteration

// Calls `fn(item)` for every item of `iterable` until it returns false.
template <class F>
void for_each_item(VM& vm, Value iterable, F&& fn) {
  Value iterator = vm.get_iter(iterable);
  while (true) {
    Value item = vm.next(iterator);
    if (item.is_null()) return;
    if (!fn(item)) return;
  }
}

// A builtin type whose instances are NativeIterators. It derives from vm.t.iterator, whose
// __iter__ and __next__ (install_iterator_methods) serve every native iterator.
TypeObject* new_iterator_type(VM& vm, std::string name, std::string module = "builtins");
void install_iterator_methods(VM& vm);
// A NativeIterator of `type` stepping with `next`.
NativeIterator* new_native_iterator(VM& vm, TypeObject* type, NativeIterator::NextFn next);

// ---- dicts and sets (through their HashTable; hashing and equality may run Python code)

// dict_get, dict_set and dict_update come from ops.h.
bool dict_del(VM& vm, DictObject* dict, Value key);   // false when absent
void dict_set_str(VM& vm, DictObject* dict, std::string_view key, Value value);  // interned key
Value dict_get_str(VM& vm, DictObject* dict, std::string_view key);
// Live entries in order.
std::vector<std::pair<Value, Value>> dict_items(const DictObject* dict);
bool set_add(VM& vm, SetObject* set, Value key);
bool set_has(VM& vm, SetObject* set, Value key);
bool set_discard(VM& vm, SetObject* set, Value key);
std::vector<Value> set_keys(const SetObject* set);

// ---- lists

// list.extend (and list(), list.__init__, +=), as CPython's list_extend: a list or tuple (or the
// list itself) is copied at once; any other iterable is appended item by item, so that code the
// iteration runs (a generator's body) sees the list grow.
void list_extend_from(VM& vm, ListObject* self, Value iterable);
// CPython's PyObject_LengthHint as list() and tuple() use it: calls a Python __len__ (or
// __length_hint__) of `iterable`, and ignores the result; observable only as a call.
void length_hint(VM& vm, Value iterable);

// list.sort: stable, comparing with `<` in CPython's timsort order for short runs; `key`
// may be null. Exceptions from comparisons or key calls propagate with `items` unchanged.
void sort_values(VM& vm, std::vector<Value>& items, Value key, bool reverse);

// ---- numbers

// An int argument as a BigInt (int, bool or an object with __index__), else
// "'str' object cannot be interpreted as an integer".
BigInt index_bigint(VM& vm, Value v);
inline bool is_float(Value v) { return has_kind(v, ObjKind::Float); }
inline double float_value(Value v) { return static_cast<FloatObject*>(v.as_object())->value; }

// ---- strings

inline const std::string& str_text(Value v) { return static_cast<StrObject*>(v.as_object())->text; }
// ascii(v): repr with non-ASCII characters escaped.
std::string ascii_escape(std::string_view repr_text);

// ---- library classes

struct NativeMethod {
  const char* name;
  NativeFn fn;
};
// A builtin class of library module `module` (bound in it under `name`), with methods
// whose BuiltinFunction::data is the class itself.
TypeObject* def_library_class(VM& vm, ModuleObject* module, const char* name, TypeObject* base, ObjKind kind,
                              std::initializer_list<NativeMethod> methods);

// ---- misc

// A read-only Property whose getter is a native function (for attributes like range.start);
// `data` is handed to the getter.
void def_native_getter(VM& vm, TypeObject* type, std::string name, NativeFn getter, Object* data = nullptr);
inline bool is_none(VM& vm, Value v) { return v.is_null() || v == vm.None; }
// The exception object the VM makes of a PyError (its class looked up in builtins).
ExceptionObject* exception_from(VM& vm, const PyError& error);
// Runs `fn`, turning a cv::PyError from a pure helper into the PyRaise the VM would make
// of it, so that callers can catch Python exceptions by class.
template <class F>
auto with_py_errors(VM& vm, F&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const PyError& e) {
    vm.raise(exception_from(vm, e));
  }
}
// Whether a caught exception is an instance of `type`.
inline bool exception_is(VM& vm, const PyRaise& e, TypeObject* type) { return vm.is_instance(e.exception, type); }
// Raises KeyError(key) with the key itself as the argument (str(e) is repr(key)).
[[noreturn]] void raise_key_error(VM& vm, Value key);

}  // namespace cv
