// The methods of int, bool and float (constructors, bit_length, as_integer_ratio, hex, ...) and of range and slice.
//
// Instances of user subclasses of int (class Money(int)) are IntObjects of the subclass
// even for small values: only exact ints may be tagged Values.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/native_args.h"
#include "core/native_support.h"
#include "core/natives.h"
#include "core/numeric.h"

namespace cv {

namespace {

BigInt self_int(VM& vm, PosArgs args, std::string_view method) {
  return vm.to_bigint(method_self(vm, args, vm.t.int_, method));
}

double self_float(VM& vm, PosArgs args, std::string_view method) {
  return float_value(method_self(vm, args, vm.t.float_, method));
}

// ---------------------------------------------------------------- int()

// int(x) for a non-str x: int, bool, float, or __int__ / __index__ / __trunc__.
BigInt int_of(VM& vm, Value x) {
  if (VM::is_int(x)) return vm.to_bigint(x);
  if (is_float(x)) return double_to_bigint(float_value(x));
  for (const char* dunder : {"__int__", "__index__", "__trunc__"}) {
    Value r = vm.call_dunder_or_null(x, dunder, {});
    if (r.is_null()) continue;
    if (!VM::is_int(r)) vm.raise_type_error(std::string(dunder) + " returned non-int (type " + vm.type_name(r) + ")");
    return vm.to_bigint(r);
  }
  vm.raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '" +
                      vm.type_name(x) + "'");
}

Value make_int(VM& vm, TypeObject* cls, const BigInt& v) {
  if (cls == vm.t.int_) return vm.new_int(v);
  return vm.heap.make<IntObject>(cls, v);
}

Value int_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.int_);
  static const Signature sig("int", "x=0, /, base=10");
  BoundArgs a = sig.bind(vm, args.subspan(1), kwargs);
  if (!a.has(0)) {
    if (a.has(1)) vm.raise_type_error("int() missing string argument");
    return make_int(vm, cls, 0);
  }
  Value x = a[0];
  if (!a.has(1)) {
    if (VM::is_str(x)) return make_int(vm, cls, int_from_string(str_text(x), 10));
    return make_int(vm, cls, int_of(vm, x));
  }
  int64_t base = arg_int64(vm, a[1]);
  if (!VM::is_str(x)) vm.raise_type_error("int() can't convert non-string with explicit base");
  return make_int(vm, cls, int_from_string(str_text(x), base));
}

Value bool_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  new_cls(vm, args, vm.t.bool_);
  kwargs_none(vm, "bool", kwargs);
  args_between(vm, "bool", args.subspan(1), 0, 1);
  return vm.new_bool(args.size() > 1 && vm.truthy(args[1]));
}

// ---------------------------------------------------------------- int methods

Value int_bit_length_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt v = self_int(vm, args, "bit_length");
  args_none(vm, "int.bit_length", args.subspan(1), kwargs);
  return vm.new_int(int_bit_length(v));
}

Value int_bit_count_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt v = self_int(vm, args, "bit_count");
  args_none(vm, "int.bit_count", args.subspan(1), kwargs);
  return vm.new_int(int_bit_count(v));
}

// conjugate, __index__, __int__, real, numerator, __trunc__, __floor__, __ceil__: the int itself.
Value int_identity(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt v = self_int(vm, args, "__int__");
  args_none(vm, "int.__int__", args.subspan(1), kwargs);
  return vm.new_int(v);
}

Value int_zero(VM& vm, PosArgs args, KwArgs, Object*) {
  self_int(vm, args, "imag");
  return vm.new_int(0);
}

Value int_one(VM& vm, PosArgs args, KwArgs, Object*) {
  self_int(vm, args, "denominator");
  return vm.new_int(1);
}

Value int_as_integer_ratio(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt v = self_int(vm, args, "as_integer_ratio");
  args_none(vm, "int.as_integer_ratio", args.subspan(1), kwargs);
  return vm.new_tuple({vm.new_int(v), vm.new_int(1)});
}

Value int_float_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  BigInt v = self_int(vm, args, "__float__");
  args_none(vm, "int.__float__", args.subspan(1), kwargs);
  return vm.new_float(bigint_to_double(v));
}

Value int_bytes_unsupported(VM& vm, PosArgs, KwArgs, Object*) {
  vm.raise(vm.t.NotImplementedError, "closureviz does not support bytes (int.to_bytes/int.from_bytes)");
}

// The operators of int and float as methods (int.__add__(a, b), super().__add__(other) in
// a subclass): the operation on plain numbers, NotImplemented for other operand types.
template <BinaryOpArg Op, bool Reflected>
Value number_binary_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "operator");
  Value other = arg_exactly_one(vm, type->name + ".operator", args.subspan(1), kwargs);
  bool other_ok = VM::is_int(other) || (type == vm.t.float_ && is_float(other));
  if (!other_ok) return vm.NotImplemented;
  Value a = type == vm.t.float_ ? vm.new_float(float_value(self)) : vm.new_int(vm.to_bigint(self));
  Value b = is_float(other) ? vm.new_float(float_value(other)) : vm.new_int(vm.to_bigint(other));
  if (type == vm.t.float_ && !is_float(b)) b = vm.new_float(bigint_to_double(vm.to_bigint(b)));
  return Reflected ? vm.binary_op(b, a, Op) : vm.binary_op(a, b, Op);
}

template <CompareOpArg Op>
Value number_compare_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "comparison");
  Value other = arg_exactly_one(vm, type->name + ".comparison", args.subspan(1), kwargs);
  if (!VM::is_int(other) && !is_float(other)) return vm.NotImplemented;
  Value a = type == vm.t.float_ ? vm.new_float(float_value(self)) : vm.new_int(vm.to_bigint(self));
  Value b = is_float(other) ? vm.new_float(float_value(other)) : vm.new_int(vm.to_bigint(other));
  return vm.compare(a, b, Op);
}

template <UnaryOpArg Op>
Value number_unary_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "operator");
  args_none(vm, type->name + ".operator", args.subspan(1), kwargs);
  Value a = type == vm.t.float_ ? vm.new_float(float_value(self)) : vm.new_int(vm.to_bigint(self));
  return vm.unary_op(a, Op);
}

Value number_abs_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "__abs__");
  args_none(vm, type->name + ".__abs__", args.subspan(1), kwargs);
  if (type == vm.t.float_) return vm.new_float(std::fabs(float_value(self)));
  BigInt v = vm.to_bigint(self);
  return vm.new_int(v < 0 ? BigInt(-v) : v);
}

// __repr__, __str__, __hash__, __bool__ and __format__ of int and float: those of the plain value.
Value plain_number(VM& vm, TypeObject* type, Value self) {
  return type == vm.t.float_ ? vm.new_float(float_value(self)) : vm.new_int(vm.to_bigint(self));
}

Value number_repr_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "__repr__");
  args_none(vm, type->name + ".__repr__", args.subspan(1), kwargs);
  return vm.repr(plain_number(vm, type, self));
}

Value number_hash_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "__hash__");
  args_none(vm, type->name + ".__hash__", args.subspan(1), kwargs);
  return vm.new_int(static_cast<int64_t>(vm.hash(plain_number(vm, type, self))));
}

Value number_bool_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "__bool__");
  args_none(vm, type->name + ".__bool__", args.subspan(1), kwargs);
  return vm.new_bool(vm.truthy(plain_number(vm, type, self)));
}

Value number_format_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object* data) {
  auto* type = static_cast<TypeObject*>(data);
  Value self = method_self(vm, args, type, "__format__");
  Value spec = arg_exactly_one(vm, type->name + ".__format__", args.subspan(1), kwargs);
  return vm.format(plain_number(vm, type, self), arg_str(vm, spec, "__format__() argument"));
}

// ---------------------------------------------------------------- float

Value float_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.float_);
  kwargs_none(vm, "float", kwargs);
  args_between(vm, "float", args.subspan(1), 0, 1);
  double v = 0.0;
  if (args.size() > 1) {
    Value x = args[1];
    if (is_float(x)) {
      v = float_value(x);
    } else if (VM::is_str(x)) {
      v = float_from_string(str_text(x));
    } else if (VM::is_int(x)) {
      v = bigint_to_double(vm.to_bigint(x));
    } else if (Value r = vm.call_dunder_or_null(x, "__float__", {}); !r.is_null()) {
      if (!is_float(r)) vm.raise_type_error(vm.type_name(x) + ".__float__ returned non-float (type " + vm.type_name(r) + ")");
      v = float_value(r);
    } else if (Value i = vm.call_dunder_or_null(x, "__index__", {}); !i.is_null()) {
      v = bigint_to_double(vm.to_bigint(i));
    } else {
      vm.raise_type_error("float() argument must be a string or a real number, not '" + vm.type_name(x) + "'");
    }
  }
  if (cls == vm.t.float_) return vm.new_float(v);
  return vm.heap.make<FloatObject>(cls, v);
}

Value float_is_integer(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = self_float(vm, args, "is_integer");
  args_none(vm, "float.is_integer", args.subspan(1), kwargs);
  return vm.new_bool(double_is_integer(x));
}

Value float_as_integer_ratio(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = self_float(vm, args, "as_integer_ratio");
  args_none(vm, "float.as_integer_ratio", args.subspan(1), kwargs);
  if (std::isinf(x)) vm.raise(vm.t.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) vm.raise(vm.t.ValueError, "cannot convert NaN to integer ratio");
  int exponent;
  double part = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && part != std::floor(part); ++i) {
    part *= 2.0;
    --exponent;
  }
  BigInt numerator = double_to_bigint(part), denominator = 1;
  if (exponent > 0)
    numerator <<= exponent;
  else
    denominator <<= -exponent;
  return vm.new_tuple({vm.new_int(numerator), vm.new_int(denominator)});
}

// float.hex(), as CPython's float_hex: "0x1.8000000000000p+0".
Value float_hex(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = self_float(vm, args, "hex");
  args_none(vm, "float.hex", args.subspan(1), kwargs);
  if (std::isnan(x) || std::isinf(x)) return vm.new_str(float_repr(x));
  if (x == 0.0) return vm.new_str(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(-1021 - e, 0);  // DBL_MIN_EXP is -1021
  m = std::ldexp(m, shift);
  e -= shift;
  const char* hex = "0123456789abcdef";
  std::string digits;
  digits += hex[int(m)];
  m -= int(m);
  digits += '.';
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    digits += hex[int(m)];
    m -= int(m);
  }
  std::string out = std::string(x < 0 ? "-" : "") + "0x" + digits + "p" + (e < 0 ? "-" : "+") + std::to_string(std::abs(e));
  return vm.new_str(out);
}

// float.fromhex(s), as CPython's float_fromhex: [sign] ["0x"] hexdigits ["." hexdigits] ["p" exponent], or inf/nan.
Value float_fromhex(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.float_);
  Value arg = arg_exactly_one(vm, "float.fromhex", args.subspan(1), kwargs);
  if (!VM::is_str(arg)) vm.raise_type_error("must be str, not " + vm.type_name(arg));
  std::string_view s = str_text(arg);
  auto invalid = [&]() { vm.raise(vm.t.ValueError, "invalid hexadecimal floating-point string"); };
  size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v')) ++i;
  };
  skip_space();
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  auto lower_rest = [&](size_t from) {
    std::string out;
    for (size_t k = from; k < s.size(); ++k) out += char(std::tolower(static_cast<unsigned char>(s[k])));
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    return out;
  };
  std::string rest = lower_rest(i);
  double v;
  if (rest == "inf" || rest == "infinity") {
    v = std::numeric_limits<double>::infinity();
  } else if (rest == "nan") {
    v = std::numeric_limits<double>::quiet_NaN();
  } else {
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
    BigInt mantissa = 0;
    int64_t exponent = 0, digits = 0;
    auto hex_value = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    while (i < s.size() && hex_value(s[i]) >= 0) {
      mantissa = mantissa * 16 + hex_value(s[i++]);
      ++digits;
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && hex_value(s[i]) >= 0) {
        mantissa = mantissa * 16 + hex_value(s[i++]);
        exponent -= 4;
        ++digits;
      }
    }
    if (digits == 0) invalid();
    if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
      ++i;
      bool exp_negative = false;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
      if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) invalid();
      int64_t e = 0;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (e < 100000000) e = e * 10 + (s[i] - '0');
        ++i;
      }
      exponent += exp_negative ? -e : e;
    }
    skip_space();
    if (i != s.size()) invalid();
    if (mantissa == 0) {
      v = 0.0;
    } else {
      int64_t bits = int_bit_length(mantissa);
      if (bits + exponent > 1024) vm.raise(vm.t.OverflowError, "hexadecimal value too large to represent as a float");
      // Keep 64 significant bits plus a sticky bit, then let the FPU round once.
      if (bits > 64) {
        int64_t drop = bits - 64;
        bool sticky = (mantissa & ((BigInt(1) << drop) - 1)) != 0;
        mantissa >>= drop;
        mantissa = (mantissa << 1) | (sticky ? 1 : 0);
        exponent += drop - 1;
      }
      v = std::ldexp(bigint_to_double(mantissa), int(std::max<int64_t>(exponent, -100000)));
      if (std::isinf(v)) vm.raise(vm.t.OverflowError, "hexadecimal value too large to represent as a float");
    }
  }
  if (negative) v = -v;
  if (cls == vm.t.float_) return vm.new_float(v);
  Value f = vm.new_float(v);
  return vm.call(cls, {&f, 1});
}

Value float_identity(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = self_float(vm, args, "conjugate");
  args_none(vm, "float.conjugate", args.subspan(1), kwargs);
  return vm.new_float(x);
}

Value float_zero(VM& vm, PosArgs args, KwArgs, Object*) {
  self_float(vm, args, "imag");
  return vm.new_float(0.0);
}

Value float_int_dunder(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  double x = self_float(vm, args, "__int__");
  args_none(vm, "float.__int__", args.subspan(1), kwargs);
  return vm.new_int(double_to_bigint(x));
}

// ---------------------------------------------------------------- range and slice

int64_t range_arg(VM& vm, Value v) {
  BigInt n = index_bigint(vm, v);
  auto small = bigint_to_int64(n);
  if (!small || *small > Value::kSmallMax || *small < Value::kSmallMin)
    vm.raise(vm.t.OverflowError, "closureviz does not support ranges beyond 2**61");
  return *small;
}

Value range_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.range);
  kwargs_none(vm, "range", kwargs);
  PosArgs rest = args.subspan(1);
  args_between(vm, "range", rest, 1, 3);
  int64_t start = 0, stop, step = 1;
  if (rest.size() == 1) {
    stop = range_arg(vm, rest[0]);
  } else {
    start = range_arg(vm, rest[0]);
    stop = range_arg(vm, rest[1]);
    if (rest.size() == 3) step = range_arg(vm, rest[2]);
  }
  if (step == 0) vm.raise(vm.t.ValueError, "range() arg 3 must not be zero");
  return vm.heap.make<RangeObject>(cls, start, stop, step);
}

RangeObject* self_range(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<RangeObject>(vm, args, vm.t.range, method);
}

// The position of an int in the range, or -1.
int64_t range_position(const RangeObject* r, const BigInt& v) {
  int64_t n = r->length();
  if (n == 0) return -1;
  BigInt offset = v - r->start;
  if (offset % r->step != 0) return -1;
  BigInt i = offset / r->step;
  if (i < 0 || i >= n) return -1;
  return static_cast<int64_t>(i);
}

Value range_index(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  RangeObject* self = self_range(vm, args, "index");
  Value x = arg_exactly_one(vm, "range.index", args.subspan(1), kwargs);
  if (VM::is_int(x) && (x.is_small_int() || vm.type_of(x) == vm.t.int_ || vm.type_of(x) == vm.t.bool_)) {
    int64_t i = range_position(self, vm.to_bigint(x));
    if (i < 0) vm.raise(vm.t.ValueError, vm.repr(x)->text + " is not in range");
    return vm.new_int(i);
  }
  int64_t n = self->length();
  for (int64_t i = 0; i < n; ++i) {
    Value item = vm.new_int(self->start + i * self->step);
    if (vm.equals(item, x)) return vm.new_int(i);
  }
  vm.raise(vm.t.ValueError, "sequence.index(x): x not in sequence");
}

Value range_count(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  RangeObject* self = self_range(vm, args, "count");
  Value x = arg_exactly_one(vm, "range.count", args.subspan(1), kwargs);
  if (VM::is_int(x)) return vm.new_int(range_position(self, vm.to_bigint(x)) >= 0 ? 1 : 0);
  int64_t n = self->length(), count = 0;
  for (int64_t i = 0; i < n; ++i)
    if (vm.equals(vm.new_int(self->start + i * self->step), x)) ++count;
  return vm.new_int(count);
}

Value range_start(VM& vm, PosArgs args, KwArgs, Object*) { return vm.new_int(self_range(vm, args, "start")->start); }
Value range_stop(VM& vm, PosArgs args, KwArgs, Object*) { return vm.new_int(self_range(vm, args, "stop")->stop); }
Value range_step(VM& vm, PosArgs args, KwArgs, Object*) { return vm.new_int(self_range(vm, args, "step")->step); }

Value slice_new(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  TypeObject* cls = new_cls(vm, args, vm.t.slice);
  kwargs_none(vm, "slice", kwargs);
  PosArgs rest = args.subspan(1);
  args_between(vm, "slice", rest, 1, 3);
  auto* s = vm.heap.make<SliceObject>(cls);
  s->start = s->stop = s->step = vm.None;
  if (rest.size() == 1) {
    s->stop = rest[0];
  } else {
    s->start = rest[0];
    s->stop = rest[1];
    if (rest.size() == 3) s->step = rest[2];
  }
  return s;
}

SliceObject* self_slice(VM& vm, PosArgs args, std::string_view method) {
  return method_self_as<SliceObject>(vm, args, vm.t.slice, method);
}

Value slice_indices_method(VM& vm, PosArgs args, KwArgs kwargs, Object*) {
  SliceObject* self = self_slice(vm, args, "indices");
  Value length = arg_exactly_one(vm, "slice.indices", args.subspan(1), kwargs);
  int64_t n = arg_int64(vm, length);
  if (n < 0) vm.raise(vm.t.ValueError, "length should not be negative");
  SliceIndices s = slice_indices(vm, self, n);
  return vm.new_tuple({vm.new_int(s.start), vm.new_int(s.stop), vm.new_int(s.step)});
}

Value slice_start(VM& vm, PosArgs args, KwArgs, Object*) { return self_slice(vm, args, "start")->start; }
Value slice_stop(VM& vm, PosArgs args, KwArgs, Object*) { return self_slice(vm, args, "stop")->stop; }
Value slice_step(VM& vm, PosArgs args, KwArgs, Object*) { return self_slice(vm, args, "step")->step; }

}  // namespace

void install_number_methods(VM& vm) {
  TypeObject* int_ = vm.t.int_;
  vm.def_method(int_, "__new__", int_new);
  vm.def_method(vm.t.bool_, "__new__", bool_new);
  vm.def_method(int_, "bit_length", int_bit_length_method);
  vm.def_method(int_, "bit_count", int_bit_count_method);
  for (const char* name : {"conjugate", "__index__", "__int__", "__trunc__", "__floor__", "__ceil__", "__pos__"})
    vm.def_method(int_, name, int_identity);
  vm.def_method(int_, "as_integer_ratio", int_as_integer_ratio);
  vm.def_method(int_, "__float__", int_float_dunder);
  vm.def_method(int_, "to_bytes", int_bytes_unsupported);
  vm.def_attr(int_, "from_bytes", vm.new_builtin("from_bytes", int_bytes_unsupported));
  def_native_getter(vm, int_, "real", int_identity);
  def_native_getter(vm, int_, "numerator", int_identity);
  def_native_getter(vm, int_, "imag", int_zero);
  def_native_getter(vm, int_, "denominator", int_one);

  TypeObject* float_ = vm.t.float_;
  vm.def_method(float_, "__new__", float_new);
  vm.def_method(float_, "is_integer", float_is_integer);
  vm.def_method(float_, "as_integer_ratio", float_as_integer_ratio);
  vm.def_method(float_, "hex", float_hex);
  auto* fromhex = vm.heap.make<DescriptorObject>(ObjKind::ClassMethod, vm.t.classmethod);
  fromhex->fget = vm.new_builtin("fromhex", float_fromhex);
  fromhex->fset = fromhex->fdel = fromhex->doc = vm.None;
  vm.def_attr(float_, "fromhex", fromhex);
  vm.def_method(float_, "conjugate", float_identity);
  vm.def_method(float_, "__float__", float_identity);
  vm.def_method(float_, "__int__", float_int_dunder);
  vm.def_method(float_, "__trunc__", float_int_dunder);
  def_native_getter(vm, float_, "real", float_identity);
  def_native_getter(vm, float_, "imag", float_zero);

  struct Entry {
    const char* name;
    NativeFn fn;
  };
  static constexpr Entry kOperators[] = {
      {"__add__", number_binary_dunder<BinaryOpArg::Add, false>},
      {"__radd__", number_binary_dunder<BinaryOpArg::Add, true>},
      {"__sub__", number_binary_dunder<BinaryOpArg::Sub, false>},
      {"__rsub__", number_binary_dunder<BinaryOpArg::Sub, true>},
      {"__mul__", number_binary_dunder<BinaryOpArg::Mul, false>},
      {"__rmul__", number_binary_dunder<BinaryOpArg::Mul, true>},
      {"__truediv__", number_binary_dunder<BinaryOpArg::TrueDiv, false>},
      {"__rtruediv__", number_binary_dunder<BinaryOpArg::TrueDiv, true>},
      {"__floordiv__", number_binary_dunder<BinaryOpArg::FloorDiv, false>},
      {"__rfloordiv__", number_binary_dunder<BinaryOpArg::FloorDiv, true>},
      {"__mod__", number_binary_dunder<BinaryOpArg::Mod, false>},
      {"__rmod__", number_binary_dunder<BinaryOpArg::Mod, true>},
      {"__pow__", number_binary_dunder<BinaryOpArg::Pow, false>},
      {"__rpow__", number_binary_dunder<BinaryOpArg::Pow, true>},
      {"__eq__", number_compare_dunder<CompareOpArg::Eq>},
      {"__ne__", number_compare_dunder<CompareOpArg::Ne>},
      {"__lt__", number_compare_dunder<CompareOpArg::Lt>},
      {"__le__", number_compare_dunder<CompareOpArg::Le>},
      {"__gt__", number_compare_dunder<CompareOpArg::Gt>},
      {"__ge__", number_compare_dunder<CompareOpArg::Ge>},
      {"__neg__", number_unary_dunder<UnaryOpArg::Negative>},
      {"__abs__", number_abs_dunder},
      {"__repr__", number_repr_dunder},
      {"__str__", number_repr_dunder},
      {"__hash__", number_hash_dunder},
      {"__bool__", number_bool_dunder},
      {"__format__", number_format_dunder},
  };
  for (TypeObject* type : {int_, float_})
    for (const Entry& e : kOperators) vm.def_method(type, e.name, e.fn)->data = type;
  vm.def_method(float_, "__pos__", number_unary_dunder<UnaryOpArg::Positive>)->data = float_;
  static constexpr Entry kIntOnly[] = {
      {"__invert__", number_unary_dunder<UnaryOpArg::Invert>},
      {"__and__", number_binary_dunder<BinaryOpArg::And, false>},
      {"__rand__", number_binary_dunder<BinaryOpArg::And, true>},
      {"__or__", number_binary_dunder<BinaryOpArg::Or, false>},
      {"__ror__", number_binary_dunder<BinaryOpArg::Or, true>},
      {"__xor__", number_binary_dunder<BinaryOpArg::Xor, false>},
      {"__rxor__", number_binary_dunder<BinaryOpArg::Xor, true>},
      {"__lshift__", number_binary_dunder<BinaryOpArg::LShift, false>},
      {"__rlshift__", number_binary_dunder<BinaryOpArg::LShift, true>},
      {"__rshift__", number_binary_dunder<BinaryOpArg::RShift, false>},
      {"__rrshift__", number_binary_dunder<BinaryOpArg::RShift, true>},
  };
  for (const Entry& e : kIntOnly) vm.def_method(int_, e.name, e.fn)->data = int_;
}

void install_range_slice_methods(VM& vm) {
  vm.def_method(vm.t.range, "__new__", range_new);
  vm.def_method(vm.t.range, "index", range_index);
  vm.def_method(vm.t.range, "count", range_count);
  def_native_getter(vm, vm.t.range, "start", range_start);
  def_native_getter(vm, vm.t.range, "stop", range_stop);
  def_native_getter(vm, vm.t.range, "step", range_step);
  vm.def_method(vm.t.slice, "__new__", slice_new);
  vm.def_method(vm.t.slice, "indices", slice_indices_method);
  def_native_getter(vm, vm.t.slice, "start", slice_start);
  def_native_getter(vm, vm.t.slice, "stop", slice_stop);
  def_native_getter(vm, vm.t.slice, "step", slice_step);
}

}  // namespace cv
