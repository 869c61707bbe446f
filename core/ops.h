// Object-protocol building blocks shared by ops*.cpp, and the pieces natives reuse:
// object.__getattribute__/__setattr__/__delattr__, CPython's set algebra, dict.update,
// slice arithmetic, printf-style formatting, the native repr of dicts.
//
// Special methods (__add__, __repr__, ...) are looked up on the type, never the instance,
// and only along the part of the MRO that comes before the builtin class whose native
// behaviour the object's layout has: `class C(list)` without __repr__ prints as a list,
// while a library type (defaultdict) that defines __repr__ with VM::def_method is called.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/text.h"
#include "core/vm.h"

namespace cv {

// A name for lookups only, such as "__repr__": a str object outside the heap, hashed once.
// Never hand it to Python code (it has no class); use VM::intern for that.
struct NameKey {
  explicit NameKey(std::string_view text) : str(nullptr, std::string(text)) { str.hash(); }
  const StrObject* get() const { return &str; }
  StrObject str;
};

// ---------------------------------------------------------------- special methods

// The operations of builtin layouts alone, never a user's override (for list.__eq__, set.__or__
// and the other special methods of builtin types that code calls by name:
// methods_layout_dunders.cpp). NotImplemented where the layout does not know the other operand;
// sequences raise TypeError for what they cannot concatenate or repeat.
Value layout_richcompare(VM& vm, Value a, Value b, CompareOpArg op);
Value layout_binary_op(VM& vm, Value a, Value b, BinaryOpArg op);
Value layout_inplace_op(VM& vm, Value a, Value b, BinaryOpArg op);


// The builtin class providing the native behaviour of a layout (list for ObjKind::List,
// object for ObjKind::Instance, BaseException for ObjKind::Exception, ...).
TypeObject* layout_owner(const VM& vm, ObjKind kind);
ObjKind kind_of(Value v);
// CPython's tp_name, which its error messages show: "int", "C", and "collections.deque" for a
// library type (a builtin type whose module is not builtins).
std::string tp_name(const TypeObject* type);
std::string tp_name(const VM& vm, Value v);
// The Python-level (or library) definition of special method `name` for `obj`; null when
// the native behaviour of obj's layout applies.
Value find_special(VM& vm, Value obj, const StrObject* name);
Value find_special_in_type(VM& vm, TypeObject* type, ObjKind kind, const StrObject* name);
// Calls a special method found by find_special: functions get `self` first, other
// descriptors are bound through their __get__.
Value call_special(VM& vm, Value method, Value self, PosArgs args);

// ---------------------------------------------------------------- calls

// CPython's _PyObject_FunctionStr, how call errors name the callee: "__main__.f()",
// "__main__.C.m()", "print()" (module builtins left out), "str.join()".
std::string function_str(VM& vm, Value callable);
// Items of the `*` operand at index `star` of a call (`callee` not null) or display: a value
// that is neither iterable nor a sequence gets CPython's TypeError ("__main__.f() argument after
// * must be an iterable, not int" / "Value after * must be an iterable, not int").
std::vector<Value> star_operand_items(VM& vm, Value operand, Value callee);

// ---------------------------------------------------------------- attributes

// descr.__get__(obj, owner) for any class attribute (functions, builtin method descriptors,
// property, staticmethod, classmethod, user descriptors); obj null = looked up on the class.
// `name` (the attribute looked up) words property errors: "property 'x' of 'C' object has no getter".
Value bind_descriptor(VM& vm, Value descr, Value obj, TypeObject* owner, const StrObject* name = nullptr);
// object.__getattribute__: data descriptors, the instance dict, then class attributes.
// Null when missing; no __getattr__ fallback and no user __getattribute__.
Value generic_get_attr(VM& vm, Value obj, StrObject* name);
// object.__setattr__ / object.__delattr__ (for types: type.__setattr__ / type.__delattr__).
void generic_set_attr(VM& vm, Value obj, StrObject* name, Value v);
void generic_del_attr(VM& vm, Value obj, StrObject* name);
// AttributeError worded as CPython for obj's kind, with the hints for "Did you mean".
[[noreturn]] void raise_attribute_error(VM& vm, Value obj, StrObject* name);

// ---------------------------------------------------------------- numbers and indexes

// The int value of an int or bool (not __index__): false for other values.
bool int_value(const VM& vm, Value v, BigInt* out);
// Subscript index: int, bool or __index__; IndexError "cannot fit 'int' into an
// index-sized integer" beyond int64. Null optional when `v` is not an index at all.
std::optional<int64_t> as_index(VM& vm, Value v);
// slice.indices(length) with CPython's errors for bad bounds; TypeError "slice indices
// must be integers or None or have an __index__ method".
SliceIndices slice_indices(VM& vm, const SliceObject* slice, int64_t length);
// The identity hash CPython gives objects without __hash__ (from the fake address).
uint64_t identity_hash(const Object* o);
// "0x7f..." as CPython prints addresses in reprs; stable per object (derived from serial).
std::string fake_address(const Object* o);

// ---------------------------------------------------------------- containers

// Native iterators over a dict's keys, values or (key, value) tuples, and over a set; they
// raise CPython's "dictionary changed size during iteration" / "Set changed size during
// iteration" (for dict views and the like).
enum class DictIteration : uint8_t { Keys, Values, Items };
NativeIterator* new_dict_iterator(VM& vm, DictObject* d, DictIteration what);
NativeIterator* new_set_iterator(VM& vm, SetObject* s);

// CPython's set algorithms, so that results iterate in CPython's order.
SetObject* set_copy(VM& vm, const SetObject* s, bool frozen);           // set(s) / frozenset(s)
void set_update(VM& vm, SetObject* s, Value iterable);                   // set.update / |=
SetObject* set_intersection(VM& vm, const SetObject* a, const SetObject* b, bool frozen);
SetObject* set_difference(VM& vm, const SetObject* a, const SetObject* b, bool frozen);
SetObject* set_symmetric_difference(VM& vm, const SetObject* a, const SetObject* b, bool frozen);
bool set_is_subset(VM& vm, const SetObject* a, const SetObject* b);      // a <= b
void set_intersection_update(VM& vm, SetObject* a, const SetObject* b);  // a &= b
void set_difference_update(VM& vm, SetObject* a, const SetObject* b);    // a -= b
void set_symmetric_difference_update(VM& vm, SetObject* a, const SetObject* b);  // a ^= b
// dict.update(other): a dict, a mapping with keys(), or an iterable of pairs (CPython's
// errors: "cannot convert dictionary update sequence element #0 to a sequence",
// "dictionary update sequence element #0 has length 3; 2 is required").
void dict_update(VM& vm, DictObject* d, Value other);
// dict[key] = value / lookup (null when missing) with the hash computed here.
void dict_set(VM& vm, DictObject* d, Value key, Value value);
Value dict_get(VM& vm, const DictObject* d, Value key);

// ---------------------------------------------------------------- text

// "{'a': 1}" for the entries of any dict (the native dict repr, recursion-guarded);
// for library types that wrap it, as defaultdict(<class 'int'>, {...}).
std::string dict_repr_text(VM& vm, const DictObject* d);
// "[1, 2]" / "{1, 2}" bodies: the reprs of `items` joined by ", ".
std::string join_reprs(VM& vm, std::span<const Value> items);
// str % args, as CPython's printf-style formatting.
std::string percent_format(VM& vm, const StrObject* format, Value args);

}  // namespace cv
