// The special methods of the builtin types' own operations, for code that names them: list.__add__, set.__or__, dict.__eq__, range.__len__, bool.__and__, float.__round__, f.__call__.
//
// The VM never calls these: operators on builtin layouts run natively (ops.cpp, ops_operators.cpp),
// and a lookup of a special method stops at the layout's own class. They exist because Python
// code may call them by name (`super().__eq__(other)` in a subclass of list, `list.__add__(a, b)`,
// `x.__round__(2)`), and each runs exactly the layout's native operation, so it can never reach
// a user's override of the same method and recurse. (For the same reason none of them goes
// through a builtin that looks the method up again: round() of a float subclass finds
// float.__round__, so that one rounds the plain value.) Comparisons and the number-like operators
// return NotImplemented for operands the layout does not know, as CPython's slot wrappers do.
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"
#include "core/numeric.h"
#include "core/ops.h"

namespace cv {
namespace {

struct Entry {
  const char* name;
  NativeFn fn;
};

TypeObject* owner_of(Object* data) { return static_cast<TypeObject*>(data); }

// CPython's check for a slot wrapper's self: "descriptor '__eq__' requires a 'list' object but
// received a 'tuple'" (unlike a method descriptor's "... doesn't apply to a ... object").
Value slot_self(VM& vm, PosArgs args, const TypeObject* type, std::string_view name) {
  if (args.empty()) vm.raise_type_error("descriptor '" + std::string(name) + "' of '" + type->name + "' object needs an argument");
  if (!vm.is_instance(args[0], type))
    vm.raise_type_error("descriptor '" + std::string(name) + "' requires a '" + type->name + "' object but received a '" +
                        vm.type_name(args[0]) + "'");
  return args[0];
}

const char* compare_name(CompareOpArg op) {
  static const char* const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  return names[static_cast<int>(op)];
}

// "__or__", "__ror__" or "__ior__" for the operators defined here.
std::string operator_name(BinaryOpArg op, char prefix) {
  const char* base = op == BinaryOpArg::Add ? "add" : op == BinaryOpArg::Mul ? "mul" : op == BinaryOpArg::Or ? "or"
                   : op == BinaryOpArg::And ? "and" : op == BinaryOpArg::Sub ? "sub" : "xor";
  return std::string("__") + (prefix ? std::string(1, prefix) : std::string()) + base + "__";
}

template <CompareOpArg Op>
Value compare_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), compare_name(Op));
  Value other = arg_exactly_one(vm, owner_of(data)->name + "." + compare_name(Op), args.subspan(1), kwargs);
  return layout_richcompare(vm, self, other, Op);
}

// self OP other (Reflected: other OP self) as the layout does it. Sequences raise TypeError
// for what they cannot concatenate or repeat (CPython's sq_concat / sq_repeat wrappers do too).
template <BinaryOpArg Op, bool Reflected>
Value binary_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string name = operator_name(Op, Reflected ? 'r' : 0);
  Value self = slot_self(vm, args, owner_of(data), name);
  Value other = arg_exactly_one(vm, owner_of(data)->name + "." + name, args.subspan(1), kwargs);
  return Reflected ? layout_binary_op(vm, other, self, Op) : layout_binary_op(vm, self, other, Op);
}

template <BinaryOpArg Op>
Value inplace_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const std::string name = operator_name(Op, 'i');
  Value self = slot_self(vm, args, owner_of(data), name);
  Value other = arg_exactly_one(vm, owner_of(data)->name + "." + name, args.subspan(1), kwargs);
  return layout_inplace_op(vm, self, other, Op);
}

// ---------------------------------------------------------------- protocols of range

Value len_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), "__len__");
  args_none(vm, owner_of(data)->name + ".__len__", args.subspan(1), kwargs);
  return vm.new_int(vm.length(self));
}

Value getitem_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), "__getitem__");
  return vm.get_item(self, arg_exactly_one(vm, owner_of(data)->name + ".__getitem__", args.subspan(1), kwargs));
}

Value contains_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), "__contains__");
  return vm.new_bool(vm.contains(self, arg_exactly_one(vm, owner_of(data)->name + ".__contains__", args.subspan(1), kwargs)));
}

Value iter_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), "__iter__");
  args_none(vm, owner_of(data)->name + ".__iter__", args.subspan(1), kwargs);
  return vm.get_iter(self);
}

// ---------------------------------------------------------------- numbers

// bool & bool is a bool; with any other int it is the int operation.
template <BinaryOpArg Op, bool Reflected>
Value bool_bit_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  const std::string name = operator_name(Op, Reflected ? 'r' : 0);
  Value self = slot_self(vm, args, vm.t.bool_, name);
  Value other = arg_exactly_one(vm, "bool." + name, args.subspan(1), kwargs);
  if (vm.type_of(other) == vm.t.bool_) {
    const bool a = self == vm.True, b = other == vm.True;
    return vm.new_bool(Op == BinaryOpArg::And ? (a && b) : Op == BinaryOpArg::Or ? (a || b) : (a != b));
  }
  if (!VM::is_int(other)) return vm.NotImplemented;
  Value as_int = vm.new_int(vm.to_bigint(self));
  return Reflected ? vm.binary_op(other, as_int, Op) : vm.binary_op(as_int, other, Op);
}

// x.__round__([ndigits]): what round(x[, ndigits]) gives for int and float.
Value round_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), "__round__");
  // round() of the plain value: round() of a subclass instance looks __round__ up and would come back here.
  self = is_float(self) ? vm.new_float(float_value(self)) : vm.new_int(vm.to_bigint(self));
  std::vector<Value> call_args{self};
  for (Value v : args.subspan(1)) call_args.push_back(v);
  if (call_args.size() > 2) vm.raise_type_error("__round__ expected at most 1 argument, got " + std::to_string(call_args.size() - 1));
  if (!kwargs.empty()) vm.raise_type_error(owner_of(data)->name + ".__round__() takes no keyword arguments");
  return vm.call(dict_get_str(vm, vm.builtins, "round"), PosArgs(call_args.data(), call_args.size()));
}

template <bool Ceil>
Value float_floor_ceil_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value self = slot_self(vm, args, vm.t.float_, Ceil ? "__ceil__" : "__floor__");
  args_none(vm, Ceil ? "float.__ceil__" : "float.__floor__", args.subspan(1), kwargs);
  const double x = float_value(self);
  if (std::isnan(x)) vm.raise(vm.t.ValueError, "cannot convert float NaN to integer");
  if (std::isinf(x)) vm.raise(vm.t.OverflowError, "cannot convert float infinity to integer");
  return vm.new_int(double_to_bigint(Ceil ? std::ceil(x) : std::floor(x)));
}

// ---------------------------------------------------------------- None and callables

Value none_bool_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  slot_self(vm, args, vm.t.none_type, "__bool__");
  args_none(vm, "NoneType.__bool__", args.subspan(1), kwargs);
  return vm.False;
}

Value none_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  slot_self(vm, args, vm.t.none_type, "__repr__");
  args_none(vm, "NoneType.__repr__", args.subspan(1), kwargs);
  return vm.new_str("None");
}

// f.__call__(*args, **kwargs) is f(*args, **kwargs).
Value call_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  Value self = slot_self(vm, args, owner_of(data), "__call__");
  return vm.call(self, args.subspan(1), kwargs);
}

void def_all(VM& vm, TypeObject* type, std::initializer_list<Entry> entries) {
  for (const Entry& e : entries) vm.def_method(type, e.name, e.fn)->data = type;
}

constexpr Entry kComparisons[] = {
    {"__eq__", compare_dunder<CompareOpArg::Eq>}, {"__ne__", compare_dunder<CompareOpArg::Ne>},
    {"__lt__", compare_dunder<CompareOpArg::Lt>}, {"__le__", compare_dunder<CompareOpArg::Le>},
    {"__gt__", compare_dunder<CompareOpArg::Gt>}, {"__ge__", compare_dunder<CompareOpArg::Ge>},
};

}  // namespace

void install_layout_dunders(VM& vm) {
  for (TypeObject* type : {vm.t.list, vm.t.tuple, vm.t.dict, vm.t.set, vm.t.frozenset, vm.t.range})
    for (const Entry& e : kComparisons) vm.def_method(type, e.name, e.fn)->data = type;

  // Sequences: concatenation and repetition.
  for (TypeObject* type : {vm.t.list, vm.t.tuple})
    def_all(vm, type, {{"__add__", binary_dunder<BinaryOpArg::Add, false>},
                       {"__mul__", binary_dunder<BinaryOpArg::Mul, false>},
                       {"__rmul__", binary_dunder<BinaryOpArg::Mul, true>}});
  def_all(vm, vm.t.list, {{"__imul__", inplace_dunder<BinaryOpArg::Mul>}});

  // Sets: the algebra, both ways; set also in place.
  for (TypeObject* type : {vm.t.set, vm.t.frozenset})
    def_all(vm, type, {{"__or__", binary_dunder<BinaryOpArg::Or, false>},
                       {"__ror__", binary_dunder<BinaryOpArg::Or, true>},
                       {"__and__", binary_dunder<BinaryOpArg::And, false>},
                       {"__rand__", binary_dunder<BinaryOpArg::And, true>},
                       {"__sub__", binary_dunder<BinaryOpArg::Sub, false>},
                       {"__rsub__", binary_dunder<BinaryOpArg::Sub, true>},
                       {"__xor__", binary_dunder<BinaryOpArg::Xor, false>},
                       {"__rxor__", binary_dunder<BinaryOpArg::Xor, true>}});
  def_all(vm, vm.t.set, {{"__ior__", inplace_dunder<BinaryOpArg::Or>},
                         {"__iand__", inplace_dunder<BinaryOpArg::And>},
                         {"__isub__", inplace_dunder<BinaryOpArg::Sub>},
                         {"__ixor__", inplace_dunder<BinaryOpArg::Xor>}});
  def_all(vm, vm.t.dict, {{"__or__", binary_dunder<BinaryOpArg::Or, false>},
                          {"__ror__", binary_dunder<BinaryOpArg::Or, true>},
                          {"__ior__", inplace_dunder<BinaryOpArg::Or>}});

  def_all(vm, vm.t.range, {{"__len__", len_dunder}, {"__getitem__", getitem_dunder}, {"__contains__", contains_dunder},
                           {"__iter__", iter_dunder}});

  def_all(vm, vm.t.bool_, {{"__and__", bool_bit_dunder<BinaryOpArg::And, false>},
                           {"__rand__", bool_bit_dunder<BinaryOpArg::And, true>},
                           {"__or__", bool_bit_dunder<BinaryOpArg::Or, false>},
                           {"__ror__", bool_bit_dunder<BinaryOpArg::Or, true>},
                           {"__xor__", bool_bit_dunder<BinaryOpArg::Xor, false>},
                           {"__rxor__", bool_bit_dunder<BinaryOpArg::Xor, true>}});
  def_all(vm, vm.t.int_, {{"__round__", round_dunder}});
  def_all(vm, vm.t.float_, {{"__round__", round_dunder},
                            {"__floor__", float_floor_ceil_dunder<false>},
                            {"__ceil__", float_floor_ceil_dunder<true>}});
  def_all(vm, vm.t.none_type, {{"__bool__", none_bool_dunder}, {"__repr__", none_repr_dunder}});
  for (TypeObject* type : {vm.t.function, vm.t.builtin_function, vm.t.method}) def_all(vm, type, {{"__call__", call_dunder}});
}

}  // namespace cv
