// The operator module: the operators as functions, and itemgetter / attrgetter / methodcaller.
#include <iterator>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"

namespace cv {

namespace {

// ---------------------------------------------------------------- operators as functions

struct BinaryEntry {
  const char* name;
  BinaryOpArg op;
};
constexpr BinaryEntry kBinary[] = {
    {"add", BinaryOpArg::Add},           {"sub", BinaryOpArg::Sub},
    {"mul", BinaryOpArg::Mul},           {"matmul", BinaryOpArg::MatMul},
    {"truediv", BinaryOpArg::TrueDiv},   {"floordiv", BinaryOpArg::FloorDiv},
    {"mod", BinaryOpArg::Mod},           {"pow", BinaryOpArg::Pow},
    {"lshift", BinaryOpArg::LShift},     {"rshift", BinaryOpArg::RShift},
    {"and_", BinaryOpArg::And},          {"or_", BinaryOpArg::Or},
    {"xor", BinaryOpArg::Xor},           {"iadd", BinaryOpArg::InplaceAdd},
    {"isub", BinaryOpArg::InplaceSub},   {"imul", BinaryOpArg::InplaceMul},
    {"imatmul", BinaryOpArg::InplaceMatMul}, {"itruediv", BinaryOpArg::InplaceTrueDiv},
    {"ifloordiv", BinaryOpArg::InplaceFloorDiv}, {"imod", BinaryOpArg::InplaceMod},
    {"ipow", BinaryOpArg::InplacePow},   {"ilshift", BinaryOpArg::InplaceLShift},
    {"irshift", BinaryOpArg::InplaceRShift}, {"iand", BinaryOpArg::InplaceAnd},
    {"ior", BinaryOpArg::InplaceOr},     {"ixor", BinaryOpArg::InplaceXor},
};

// data: a tuple (index into kBinary,).
Value op_binary(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const BinaryEntry& e = kBinary[static_cast<TupleObject*>(data)->items[0].as_small_int()];
  kwargs_none(vm, e.name, kwargs);
  args_between(vm, e.name, args, 2, 2);
  return vm.binary_op(args[0], args[1], e.op);
}

struct CompareEntry {
  const char* name;
  CompareOpArg op;
};
constexpr CompareEntry kCompare[] = {
    {"lt", CompareOpArg::Lt}, {"le", CompareOpArg::Le}, {"eq", CompareOpArg::Eq},
    {"ne", CompareOpArg::Ne}, {"gt", CompareOpArg::Gt}, {"ge", CompareOpArg::Ge},
};

Value op_compare(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  const CompareEntry& e = kCompare[static_cast<TupleObject*>(data)->items[0].as_small_int()];
  kwargs_none(vm, e.name, kwargs);
  args_between(vm, e.name, args, 2, 2);
  return vm.compare(args[0], args[1], e.op);
}

Value op_neg(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.unary_op(arg_exactly_one(vm, "neg", args, kwargs), UnaryOpArg::Negative);
}
Value op_pos(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.unary_op(arg_exactly_one(vm, "pos", args, kwargs), UnaryOpArg::Positive);
}
Value op_invert(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.unary_op(arg_exactly_one(vm, "invert", args, kwargs), UnaryOpArg::Invert);
}
Value op_not(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_bool(!vm.truthy(arg_exactly_one(vm, "not_", args, kwargs)));
}
Value op_truth(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_bool(vm.truthy(arg_exactly_one(vm, "truth", args, kwargs)));
}
Value op_abs(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  Value x = arg_exactly_one(vm, "abs", args, kwargs);
  return vm.call(dict_get_str(vm, vm.builtins, "abs"), {&x, 1});
}
Value op_index(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  return vm.new_int(index_bigint(vm, arg_exactly_one(vm, "index", args, kwargs)));
}

Value op_is(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "is_", kwargs);
  args_between(vm, "is_", args, 2, 2);
  return vm.new_bool(args[0] == args[1]);
}
Value op_is_not(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "is_not", kwargs);
  args_between(vm, "is_not", args, 2, 2);
  return vm.new_bool(args[0] != args[1]);
}

Value op_concat(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "concat", kwargs);
  args_between(vm, "concat", args, 2, 2);
  bool sequence = has_kind(args[0], ObjKind::List) || has_kind(args[0], ObjKind::Tuple) ||
                  has_kind(args[0], ObjKind::Str) || !vm.type_of(args[0])->lookup(vm.intern("__getitem__")).is_null();
  if (!sequence) vm.raise_type_error("'" + vm.type_name(args[0]) + "' object can't be concatenated");
  return vm.binary_op(args[0], args[1], BinaryOpArg::Add);
}

Value op_contains(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "contains", kwargs);
  args_between(vm, "contains", args, 2, 2);
  return vm.new_bool(vm.contains(args[0], args[1]));
}

Value op_count_of(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "countOf", kwargs);
  args_between(vm, "countOf", args, 2, 2);
  int64_t n = 0;
  for_each_item(vm, args[0], [&](Value v) {
    if (v == args[1] || vm.equals(v, args[1])) ++n;
    return true;
  });
  return vm.new_int(n);
}

Value op_index_of(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "indexOf", kwargs);
  args_between(vm, "indexOf", args, 2, 2);
  int64_t i = 0, found = -1;
  for_each_item(vm, args[0], [&](Value v) {
    if (v == args[1] || vm.equals(v, args[1])) {
      found = i;
      return false;
    }
    ++i;
    return true;
  });
  if (found < 0) vm.raise(vm.t.ValueError, "sequence.index(x): x not in sequence");
  return vm.new_int(found);
}

Value op_getitem(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "getitem", kwargs);
  args_between(vm, "getitem", args, 2, 2);
  return vm.get_item(args[0], args[1]);
}
Value op_setitem(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "setitem", kwargs);
  args_between(vm, "setitem", args, 3, 3);
  vm.set_item(args[0], args[1], args[2]);
  return vm.None;
}
Value op_delitem(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "delitem", kwargs);
  args_between(vm, "delitem", args, 2, 2);
  vm.del_item(args[0], args[1]);
  return vm.None;
}

Value op_length_hint(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  kwargs_none(vm, "length_hint", kwargs);
  args_between(vm, "length_hint", args, 1, 2);
  try {
    return vm.new_int(vm.length(args[0]));
  } catch (PyRaise& e) {
    if (!exception_is(vm, e, vm.t.TypeError)) throw;
  }
  Value hint = vm.call_dunder_or_null(args[0], "__length_hint__", {});
  if (!hint.is_null() && hint != vm.NotImplemented) return hint;
  return args.size() > 1 ? args[1] : vm.new_int(0);
}

// ---------------------------------------------------------------- itemgetter, attrgetter, methodcaller
// NativeObjects: itemgetter slots are the items; attrgetter slots are tuples of name parts;
// methodcaller slots are [name, args tuple, kwargs dict].

NativeObject* self_getter(VM& vm, PosArgs args, Object* data, std::string_view method) {
  return method_self_as<NativeObject>(vm, args, static_cast<TypeObject*>(data), method);
}

Value itemgetter_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));
  kwargs_none(vm, "itemgetter", kwargs);
  if (args.size() < 2) vm.raise_type_error("itemgetter expected 1 argument, got 0");
  auto* g = vm.heap.make<NativeObject>(cls);
  g->slots.assign(args.begin() + 1, args.end());
  return g;
}

Value itemgetter_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_getter(vm, args, data, "__call__");
  kwargs_none(vm, "itemgetter", kwargs);
  args_between(vm, "itemgetter", args.subspan(1), 1, 1);
  if (self->slots.size() == 1) return vm.get_item(args[1], self->slots[0]);
  std::vector<Value> out;
  for (Value item : self->slots) out.push_back(vm.get_item(args[1], item));
  return vm.new_tuple(std::move(out));
}

Value itemgetter_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_getter(vm, args, data, "__repr__");
  return vm.new_str("operator.itemgetter(" + join_reprs(vm, self->slots) + ")");
}

Value attrgetter_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));
  kwargs_none(vm, "attrgetter", kwargs);
  if (args.size() < 2) vm.raise_type_error("attrgetter expected 1 argument, got 0");
  auto* g = vm.heap.make<NativeObject>(cls);
  for (Value name : args.subspan(1)) {
    if (!VM::is_str(name)) vm.raise_type_error("attribute name must be a string");
    std::vector<Value> parts;
    const std::string& text = str_text(name);
    size_t start = 0;
    while (true) {
      size_t dot = text.find('.', start);
      parts.push_back(vm.intern(text.substr(start, dot == std::string::npos ? std::string::npos : dot - start)));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    g->slots.push_back(vm.new_tuple(std::move(parts)));
  }
  return g;
}

Value attrgetter_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_getter(vm, args, data, "__call__");
  kwargs_none(vm, "attrgetter", kwargs);
  args_between(vm, "attrgetter", args.subspan(1), 1, 1);
  auto resolve = [&](Value parts) {
    Value obj = args[1];
    for (Value part : as<TupleObject>(parts)->items) obj = vm.get_attr(obj, as<StrObject>(part));
    return obj;
  };
  if (self->slots.size() == 1) return resolve(self->slots[0]);
  std::vector<Value> out;
  for (Value parts : self->slots) out.push_back(resolve(parts));
  return vm.new_tuple(std::move(out));
}

Value attrgetter_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_getter(vm, args, data, "__repr__");
  std::vector<Value> names;
  for (Value parts : self->slots) {
    std::string dotted;
    for (Value part : as<TupleObject>(parts)->items) dotted += (dotted.empty() ? "" : ".") + str_text(part);
    names.push_back(vm.new_str(dotted));
  }
  return vm.new_str("operator.attrgetter(" + join_reprs(vm, names) + ")");
}

Value methodcaller_new(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  TypeObject* cls = new_cls(vm, args, static_cast<TypeObject*>(data));
  if (args.size() < 2) vm.raise_type_error("methodcaller needs at least one argument, the method name");
  if (!VM::is_str(args[1])) vm.raise_type_error("method name must be a string");
  auto* g = vm.heap.make<NativeObject>(cls);
  DictObject* kw = vm.new_dict();
  for (auto& k : kwargs) dict_set(vm, kw, k.first, k.second);
  g->slots = {vm.intern(str_text(args[1])), vm.new_tuple(std::vector<Value>(args.begin() + 2, args.end())), kw};
  return g;
}

Value methodcaller_call(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  NativeObject* self = self_getter(vm, args, data, "__call__");
  kwargs_none(vm, "methodcaller", kwargs);
  args_between(vm, "methodcaller", args.subspan(1), 1, 1);
  std::vector<std::pair<StrObject*, Value>> kw;
  for (auto& [k, v] : dict_items(as<DictObject>(self->slots[2]))) kw.emplace_back(as<StrObject>(k), v);
  return vm.call_method(args[1], as<StrObject>(self->slots[0]), as<TupleObject>(self->slots[1])->items, kw);
}

Value methodcaller_repr(VM& vm, PosArgs args, KwArgs, Object* data) {
  NativeObject* self = self_getter(vm, args, data, "__repr__");
  std::string out = "operator.methodcaller(" + vm.repr(self->slots[0])->text;
  for (Value v : as<TupleObject>(self->slots[1])->items) out += ", " + vm.repr(v)->text;
  for (auto& [k, v] : dict_items(as<DictObject>(self->slots[2]))) out += ", " + str_text(k) + "=" + vm.repr(v)->text;
  return vm.new_str(out + ")");
}

TypeObject* def_callable_class(VM& vm, ModuleObject* m, const char* name, NativeFn make, NativeFn call, NativeFn repr) {
  TypeObject* type = vm.new_type(name, {vm.t.object}, ObjKind::Native, true);
  type->module = "operator";
  vm.def_method(type, "__new__", make)->data = type;
  vm.def_method(type, "__call__", call)->data = type;
  vm.def_method(type, "__repr__", repr)->data = type;
  dict_set_str(vm, m->attrs, name, type);
  return type;
}

}  // namespace

void install_module_operator(VM& vm) {
  ModuleObject* m = vm.new_module("operator");
  vm.register_module(m);
  DictObject* d = m->attrs;
  for (size_t i = 0; i < std::size(kBinary); ++i) {
    Value index = vm.new_tuple({vm.new_int(int64_t(i))});
    vm.def_function(d, kBinary[i].name, op_binary)->data = index.as_object();
    // The dunder aliases (operator.__add__ ...) are the same functions.
    std::string plain = kBinary[i].name;
    if (plain.back() == '_') plain.pop_back();
    dict_set_str(vm, d, "__" + plain + "__", dict_get_str(vm, d, kBinary[i].name));
  }
  for (size_t i = 0; i < std::size(kCompare); ++i) {
    vm.def_function(d, kCompare[i].name, op_compare)->data = vm.new_tuple({vm.new_int(int64_t(i))});
    dict_set_str(vm, d, std::string("__") + kCompare[i].name + "__", dict_get_str(vm, d, kCompare[i].name));
  }
  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kFunctions[] = {
      {"neg", op_neg},           {"pos", op_pos},         {"invert", op_invert}, {"inv", op_invert},
      {"not_", op_not},          {"truth", op_truth},     {"abs", op_abs},       {"index", op_index},
      {"is_", op_is},            {"is_not", op_is_not},   {"concat", op_concat}, {"iconcat", op_concat},
      {"contains", op_contains}, {"countOf", op_count_of}, {"indexOf", op_index_of},
      {"getitem", op_getitem},   {"setitem", op_setitem}, {"delitem", op_delitem},
      {"length_hint", op_length_hint},
  };
  for (const Entry& e : kFunctions) vm.def_function(d, e.name, e.fn);
  def_callable_class(vm, m, "itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr);
  def_callable_class(vm, m, "attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr);
  def_callable_class(vm, m, "methodcaller", methodcaller_new, methodcaller_call, methodcaller_repr);
}

}  // namespace cv
