// Arithmetic protocols of the VM: binary, in-place and unary operators with CPython's dispatch order.
//
// A binary operator first asks the operands' number methods (user __add__/__radd__, or the
// native arithmetic of int, float, str %, set and dict), in CPython's order: the right
// operand's reflected method goes first when its type is a proper subclass of the left
// one's and overrides it. Only when both decline do the sequence operations apply
// (list + list, str * int), which is why [1] + obj can still reach obj.__radd__.
#include <cmath>
#include <utility>

#include "core/native_support.h"
#include "core/numeric.h"
#include "core/ops.h"

namespace cv {

namespace {

constexpr int kBinaryOps = 13;

const StrObject* forward_name(BinaryOpArg op) {
  static const NameKey names[kBinaryOps] = {
      NameKey("__add__"),      NameKey("__sub__"),    NameKey("__mul__"),    NameKey("__matmul__"), NameKey("__truediv__"),
      NameKey("__floordiv__"), NameKey("__mod__"),    NameKey("__pow__"),    NameKey("__lshift__"), NameKey("__rshift__"),
      NameKey("__and__"),      NameKey("__or__"),     NameKey("__xor__")};
  return names[static_cast<int>(op)].get();
}

const StrObject* reflected_name(BinaryOpArg op) {
  static const NameKey names[kBinaryOps] = {
      NameKey("__radd__"),      NameKey("__rsub__"), NameKey("__rmul__"), NameKey("__rmatmul__"), NameKey("__rtruediv__"),
      NameKey("__rfloordiv__"), NameKey("__rmod__"), NameKey("__rpow__"), NameKey("__rlshift__"), NameKey("__rrshift__"),
      NameKey("__rand__"),      NameKey("__ror__"),  NameKey("__rxor__")};
  return names[static_cast<int>(op)].get();
}

const StrObject* inplace_name(BinaryOpArg op) {
  static const NameKey names[kBinaryOps] = {
      NameKey("__iadd__"),      NameKey("__isub__"), NameKey("__imul__"), NameKey("__imatmul__"), NameKey("__itruediv__"),
      NameKey("__ifloordiv__"), NameKey("__imod__"), NameKey("__ipow__"), NameKey("__ilshift__"), NameKey("__irshift__"),
      NameKey("__iand__"),      NameKey("__ior__"),  NameKey("__ixor__")};
  return names[static_cast<int>(op)].get();
}

std::string operator_symbol(BinaryOpArg op, bool inplace) {
  static const char* symbols[kBinaryOps] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  if (op == BinaryOpArg::Pow) return inplace ? "**=" : "** or pow()";
  return std::string(symbols[static_cast<int>(op)]) + (inplace ? "=" : "");
}

const NameKey& key_index() { static const NameKey k("__index__"); return k; }

// An int (bool included) or a float, as arithmetic sees it.
struct Operand {
  enum Kind { kNone, kSmall, kBig, kFloat } kind = kNone;
  int64_t small = 0;
  const BigInt* big = nullptr;
  double real = 0;
  bool is_bool = false;

  BigInt as_big() const { return kind == kSmall ? BigInt(small) : *big; }
  double as_double() const {
    if (kind == kFloat) return real;
    if (kind == kSmall) return double(small);
    return bigint_to_double(*big);
  }
};

Operand operand(const VM& vm, Value v) {
  Operand n;
  if (v.is_small_int()) {
    n.kind = Operand::kSmall;
    n.small = v.as_small_int();
    return n;
  }
  Object* o = v.as_object();
  switch (o->kind) {
    case ObjKind::Bool:
      n.kind = Operand::kSmall;
      n.small = v == vm.True ? 1 : 0;
      n.is_bool = true;
      break;
    case ObjKind::Int:
      n.kind = Operand::kBig;
      n.big = &static_cast<IntObject*>(o)->value;
      break;
    case ObjKind::Float:
      n.kind = Operand::kFloat;
      n.real = static_cast<FloatObject*>(o)->value;
      break;
    default: break;
  }
  return n;
}

Value int_arithmetic(VM& vm, const Operand& a, const Operand& b, BinaryOpArg op) {
  if (a.kind == Operand::kSmall && b.kind == Operand::kSmall) {
    int64_t x = a.small, y = b.small, r = 0;
    switch (op) {
      case BinaryOpArg::Add: if (checked_add(x, y, &r)) return vm.new_int(r); break;
      case BinaryOpArg::Sub: if (checked_sub(x, y, &r)) return vm.new_int(r); break;
      case BinaryOpArg::Mul: if (checked_mul(x, y, &r)) return vm.new_int(r); break;
      case BinaryOpArg::FloorDiv: if (checked_floor_div(x, y, &r)) return vm.new_int(r); break;
      case BinaryOpArg::Mod: if (checked_floor_mod(x, y, &r)) return vm.new_int(r); break;
      case BinaryOpArg::TrueDiv:
        if (y == 0) vm.raise(vm.t.ZeroDivisionError, "division by zero");
        return vm.new_float(int64_true_divide(x, y));
      case BinaryOpArg::Pow:
        if (y < 0) return vm.new_float(int_pow_to_float(BigInt(x), BigInt(y)));
        if (checked_pow(x, y, &r)) return vm.new_int(r);
        break;
      case BinaryOpArg::LShift: if (checked_lshift(x, y, &r)) return vm.new_int(r); break;
      case BinaryOpArg::RShift: return vm.new_int(int64_rshift(x, y));
      case BinaryOpArg::And:
        if (a.is_bool && b.is_bool) return vm.new_bool(x & y);
        return vm.new_int(x & y);
      case BinaryOpArg::Or:
        if (a.is_bool && b.is_bool) return vm.new_bool(x | y);
        return vm.new_int(x | y);
      case BinaryOpArg::Xor:
        if (a.is_bool && b.is_bool) return vm.new_bool(x ^ y);
        return vm.new_int(x ^ y);
      default: return vm.NotImplemented;
    }
  }
  BigInt x = a.as_big(), y = b.as_big();
  switch (op) {
    case BinaryOpArg::Add: return vm.new_int(BigInt(x + y));
    case BinaryOpArg::Sub: return vm.new_int(BigInt(x - y));
    case BinaryOpArg::Mul:
      if (int_bit_length(x) + int_bit_length(y) > kMaxIntBits) vm.raise(vm.t.MemoryError, "");
      return vm.new_int(BigInt(x * y));
    case BinaryOpArg::FloorDiv: return vm.new_int(int_floor_div(x, y));
    case BinaryOpArg::Mod: return vm.new_int(int_mod(x, y));
    case BinaryOpArg::TrueDiv: return vm.new_float(int_true_divide(x, y));
    case BinaryOpArg::Pow:
      if (y < 0) return vm.new_float(int_pow_to_float(x, y));
      return vm.new_int(int_pow(x, y));
    case BinaryOpArg::LShift: return vm.new_int(int_lshift(x, y));
    case BinaryOpArg::RShift: return vm.new_int(int_rshift(x, y));
    case BinaryOpArg::And: return vm.new_int(int_and(x, y));
    case BinaryOpArg::Or: return vm.new_int(int_or(x, y));
    case BinaryOpArg::Xor: return vm.new_int(int_xor(x, y));
    default: return vm.NotImplemented;
  }
}

Value float_arithmetic(VM& vm, const Operand& a, const Operand& b, BinaryOpArg op) {
  switch (op) {
    case BinaryOpArg::Add:
    case BinaryOpArg::Sub:
    case BinaryOpArg::Mul:
    case BinaryOpArg::TrueDiv:
    case BinaryOpArg::FloorDiv:
    case BinaryOpArg::Mod:
    case BinaryOpArg::Pow: break;
    default: return vm.NotImplemented;
  }
  double x = a.as_double(), y = b.as_double();
  switch (op) {
    case BinaryOpArg::Add: return vm.new_float(x + y);
    case BinaryOpArg::Sub: return vm.new_float(x - y);
    case BinaryOpArg::Mul: return vm.new_float(x * y);
    case BinaryOpArg::TrueDiv: return vm.new_float(float_div(x, y));
    case BinaryOpArg::FloorDiv: return vm.new_float(float_floor_div(x, y));
    case BinaryOpArg::Mod: return vm.new_float(float_mod(x, y));
    default: return vm.new_float(float_pow(x, y));
  }
}

bool is_set_kind(ObjKind k) { return k == ObjKind::Set || k == ObjKind::FrozenSet; }

// The number methods builtin layouts implement natively; NotImplemented when they do not apply.
Value native_binary(VM& vm, Value a, Value b, BinaryOpArg op) {
  Operand x = operand(vm, a);
  if (x.kind != Operand::kNone) {
    Operand y = operand(vm, b);
    if (y.kind == Operand::kNone) return vm.NotImplemented;
    if (x.kind == Operand::kFloat || y.kind == Operand::kFloat) return float_arithmetic(vm, x, y, op);
    return int_arithmetic(vm, x, y, op);
  }
  ObjKind ka = kind_of(a), kb = kind_of(b);
  if (ka == ObjKind::Str && op == BinaryOpArg::Mod)
    return vm.new_str(percent_format(vm, static_cast<StrObject*>(a.as_object()), b));
  if (is_set_kind(ka) && is_set_kind(kb)) {
    auto* s = static_cast<SetObject*>(a.as_object());
    auto* t = static_cast<SetObject*>(b.as_object());
    bool frozen = ka == ObjKind::FrozenSet;
    switch (op) {
      case BinaryOpArg::Or: {
        SetObject* result = set_copy(vm, s, frozen);
        result->table.merge(vm, t->table);
        return result;
      }
      case BinaryOpArg::And: return set_intersection(vm, s, t, frozen);
      case BinaryOpArg::Sub: return set_difference(vm, s, t, frozen);
      case BinaryOpArg::Xor: return set_symmetric_difference(vm, s, t, frozen);
      default: return vm.NotImplemented;
    }
  }
  if (ka == ObjKind::Dict && kb == ObjKind::Dict && op == BinaryOpArg::Or) {
    DictObject* result = vm.new_dict();
    result->table.merge(vm, static_cast<DictObject*>(a.as_object())->table);
    dict_update(vm, result, b);
    return result;
  }
  return vm.NotImplemented;
}

// The in-place number methods of builtin layouts (set |= and friends, dict |=).
Value native_inplace(VM& vm, Value a, Value b, BinaryOpArg op) {
  ObjKind ka = kind_of(a), kb = kind_of(b);
  if (ka == ObjKind::Set) {
    if (!is_set_kind(kb)) return vm.NotImplemented;
    auto* s = static_cast<SetObject*>(a.as_object());
    auto* t = static_cast<SetObject*>(b.as_object());
    switch (op) {
      case BinaryOpArg::Or: s->table.merge(vm, t->table); return a;
      case BinaryOpArg::And: set_intersection_update(vm, s, t); return a;
      case BinaryOpArg::Sub: set_difference_update(vm, s, t); return a;
      case BinaryOpArg::Xor: set_symmetric_difference_update(vm, s, t); return a;
      default: return vm.NotImplemented;
    }
  }
  if (ka == ObjKind::Dict && op == BinaryOpArg::Or) {
    dict_update(vm, static_cast<DictObject*>(a.as_object()), b);
    return a;
  }
  return vm.NotImplemented;
}

Value call_binary(VM& vm, Value method, Value self, Value other) {
  if (method == vm.None) return vm.NotImplemented;
  Value args[1] = {other};
  return call_special(vm, method, self, args);
}

// CPython's binary_op1: the number methods of both operands, in dispatch order.
Value dispatch_number_methods(VM& vm, Value a, Value b, BinaryOpArg op) {
  TypeObject* ta = vm.type_of(a);
  TypeObject* tb = vm.type_of(b);
  Value forward = find_special(vm, a, forward_name(op));
  Value reflected = ta != tb ? find_special(vm, b, reflected_name(op)) : Value();
  bool reflected_tried = false;
  if (ta != tb && tb->is_subtype_of(ta) && reflected != find_special(vm, a, reflected_name(op))) {
    Value r = reflected ? call_binary(vm, reflected, b, a) : native_binary(vm, a, b, op);
    if (r != vm.NotImplemented) return r;
    reflected_tried = true;
  }
  Value r = forward ? call_binary(vm, forward, a, b) : native_binary(vm, a, b, op);
  if (r != vm.NotImplemented) return r;
  if (ta != tb && !reflected_tried) {
    if (reflected) return call_binary(vm, reflected, b, a);
    // Both operands' native methods are one and the same code here; run it only if it has not run.
    if (forward) return native_binary(vm, a, b, op);
  }
  return vm.NotImplemented;
}

bool is_sequence_kind(ObjKind k) { return k == ObjKind::List || k == ObjKind::Tuple || k == ObjKind::Str; }

const std::vector<Value>& items_of(Value v) {
  Object* o = v.as_object();
  return o->kind == ObjKind::List ? static_cast<ListObject*>(o)->items.vec() : static_cast<TupleObject*>(o)->items;
}

// The repeat count of seq * n: "can't multiply sequence by non-int of type 'float'".
int64_t repeat_count(VM& vm, Value n) {
  BigInt count;
  if (!int_value(vm, n, &count)) {
    if (!find_special(vm, n, key_index().get()))
      vm.raise(vm.t.TypeError, "can't multiply sequence by non-int of type '" + tp_name(vm, n) + "'");
    count = vm.to_bigint(n);
  }
  if (count <= 0) return 0;
  std::optional<int64_t> small = bigint_to_int64(count);
  if (!small) vm.raise(vm.t.OverflowError, "cannot fit 'int' into an index-sized integer");
  return *small;
}

void check_repeat_size(VM& vm, size_t unit_bytes, int64_t count) {
  if (unit_bytes == 0 || count == 0) return;
  if (double(unit_bytes) * double(count) > double(vm.limits.max_heap_bytes)) vm.raise(vm.t.MemoryError, "");
}

Value repeat_sequence(VM& vm, Value seq, int64_t count, bool in_place) {
  Object* o = seq.as_object();
  if (o->kind == ObjKind::Str) {
    const std::string& text = static_cast<StrObject*>(o)->text;
    if (count == 1 && o->type == vm.t.str) return seq;
    check_repeat_size(vm, text.size(), count);
    std::string out;
    out.reserve(text.size() * size_t(count));
    for (int64_t i = 0; i < count; ++i) out += text;
    return vm.new_str(std::move(out));
  }
  const std::vector<Value>& items = items_of(seq);
  check_repeat_size(vm, items.size() * sizeof(Value), count);
  std::vector<Value> out;
  out.reserve(items.size() * size_t(count));
  for (int64_t i = 0; i < count; ++i) out.insert(out.end(), items.begin(), items.end());
  if (in_place) {
    vm.heap.note_external_bytes(out.size() * sizeof(Value));
    static_cast<ListObject*>(o)->items = std::move(out);
    return seq;
  }
  if (o->kind == ObjKind::List) return vm.new_list(std::move(out));
  if (count == 1 && o->type == vm.t.tuple) return seq;
  return vm.new_tuple(std::move(out));
}

// Sequence concatenation and repetition, after the number methods declined.
Value sequence_operation(VM& vm, Value a, Value b, BinaryOpArg op, bool inplace) {
  ObjKind ka = kind_of(a), kb = kind_of(b);
  if (op == BinaryOpArg::Add && is_sequence_kind(ka)) {
    if (ka == ObjKind::List && inplace) {
      // list += iterable extends in place, like list.extend.
      list_extend_from(vm, static_cast<ListObject*>(a.as_object()), b);
      return a;
    }
    const char* name = ka == ObjKind::List ? "list" : ka == ObjKind::Tuple ? "tuple" : "str";
    if (kb != ka)
      vm.raise(vm.t.TypeError, std::string("can only concatenate ") + name + " (not \"" + tp_name(vm, b) + "\") to " + name);
    if (ka == ObjKind::Str) {
      const std::string& x = static_cast<StrObject*>(a.as_object())->text;
      const std::string& y = static_cast<StrObject*>(b.as_object())->text;
      if (double(x.size()) + double(y.size()) > double(vm.limits.max_heap_bytes)) vm.raise(vm.t.MemoryError, "");
      return vm.new_str(x + y);
    }
    std::vector<Value> out = items_of(a);
    const std::vector<Value>& tail = items_of(b);
    out.insert(out.end(), tail.begin(), tail.end());
    if (ka == ObjKind::List) return vm.new_list(std::move(out));
    return vm.new_tuple(std::move(out));
  }
  if (op == BinaryOpArg::Mul) {
    if (is_sequence_kind(ka)) return repeat_sequence(vm, a, repeat_count(vm, b), inplace && ka == ObjKind::List);
    if (is_sequence_kind(kb)) return repeat_sequence(vm, b, repeat_count(vm, a), false);
  }
  return vm.NotImplemented;
}

}  // namespace

Value layout_binary_op(VM& vm, Value a, Value b, BinaryOpArg op) {
  Value r = native_binary(vm, a, b, op);
  if (r != vm.NotImplemented) return r;
  return sequence_operation(vm, a, b, op, false);
}

Value layout_inplace_op(VM& vm, Value a, Value b, BinaryOpArg op) {
  Value r = native_inplace(vm, a, b, op);
  if (r != vm.NotImplemented) return r;
  if (kind_of(a) == ObjKind::List && (op == BinaryOpArg::Add || op == BinaryOpArg::Mul))
    return sequence_operation(vm, a, b, op, true);
  return layout_binary_op(vm, a, b, op);
}

Value VM::binary_op(Value a, Value b, BinaryOpArg op) {
  const int code = static_cast<int>(op);
  const bool inplace = code >= kInplaceOffset;
  const BinaryOpArg base = inplace ? static_cast<BinaryOpArg>(code - kInplaceOffset) : op;
  if (a.is_small_int() && b.is_small_int()) {
    Operand x, y;
    x.kind = y.kind = Operand::kSmall;
    x.small = a.as_small_int();
    y.small = b.as_small_int();
    Value r = int_arithmetic(*this, x, y, base);
    if (r != NotImplemented) return r;
  }
  if (inplace) {
    Value method = find_special(*this, a, inplace_name(base));
    Value r = method ? call_binary(*this, method, a, b) : native_inplace(*this, a, b, base);
    if (r != NotImplemented) return r;
  }
  Value r = dispatch_number_methods(*this, a, b, base);
  if (r != NotImplemented) return r;
  r = sequence_operation(*this, a, b, base, inplace);
  if (r != NotImplemented) return r;
  raise(t.TypeError, "unsupported operand type(s) for " + operator_symbol(base, inplace) + ": '" + tp_name(*this, a) +
                         "' and '" + tp_name(*this, b) + "'");
}

Value VM::unary_op(Value v, UnaryOpArg op) {
  if (op == UnaryOpArg::Not) return new_bool(!truthy(v));
  static const NameKey names[] = {NameKey("__neg__"), NameKey("__pos__"), NameKey("__invert__")};
  static const char* symbols[] = {"-", "+", "~"};
  const int index = static_cast<int>(op);
  if (Value method = find_special(*this, v, names[index].get())) return call_special(*this, method, v, {});
  Operand n = operand(*this, v);
  switch (n.kind) {
    case Operand::kSmall: {
      int64_t x = n.small, r = 0;
      if (op == UnaryOpArg::Negative) return checked_neg(x, &r) ? new_int(r) : new_int(BigInt(-BigInt(x)));
      if (op == UnaryOpArg::Positive) return new_int(x);
      return new_int(~x);
    }
    case Operand::kBig: {
      if (op == UnaryOpArg::Negative) return new_int(BigInt(-*n.big));
      if (op == UnaryOpArg::Positive) return v.as_object()->type == t.int_ ? v : new_int(*n.big);
      return new_int(int_invert(*n.big));
    }
    case Operand::kFloat:
      if (op == UnaryOpArg::Negative) return new_float(-n.real);
      if (op == UnaryOpArg::Positive) return v.as_object()->type == t.float_ ? v : new_float(n.real);
      break;
    default: break;
  }
  raise(t.TypeError, std::string("bad operand type for unary ") + symbols[index] + ": '" + tp_name(*this, v) + "'");
}

}  // namespace cv
